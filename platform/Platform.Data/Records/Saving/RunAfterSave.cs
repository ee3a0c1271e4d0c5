using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The after-save stage: runs the entity's after-save scripts on the written rows, then carries out
/// the records they create and change through <paramref name="store"/> — every check, rule and audit
/// entry as for any save — inside the save's transaction. Answers what refused: the whole save then
/// rolls back.
/// </summary>
/// <param name="store">The record service the save runs in: nested saves join its transaction.</param>
internal sealed class RunAfterSave(IRecordStore store, ScriptHost scripts, ScriptGuard guard, IStringLocalizer localizer)
{
    /// <summary>After-save scripts nest (a record they create may have its own): this deep at most.</summary>
    public const int MaxDepth = 5;

    private int _depth;

    public async Task<List<RecordFieldError>> RunAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, RuleRun run, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var rules = EntityScripts.For(entity).AfterSave;
        if (rules.Count > 0 && _depth >= MaxDepth)
        {
            errors.Add(new(null, localizer["Records.Error.AfterSaveDepth", MaxDepth]));
            return errors;
        }

        foreach (var row in rows)
        {
            foreach (var (rule, script) in rules)
            {
                var changes = new List<RecordChange>();
                guard.Run(errors, entity, row, null, () =>
                {
                    using var session = scripts.Open(run.User, run.Data, changes);
                    session.Load(run.WithLines(entity, row), null);
                    session.Change(script);
                }, rule.Name);
                if (errors.Count > 0)
                {
                    return errors;
                }

                _depth++;
                try
                {
                    foreach (var change in changes.Where(c => !c.Opens))
                    {
                        var result = change.Id is null
                            ? await store.CreateAsync(change.Entity, change.Values, run.Actor, change.NewId, cancellationToken)
                            : await UpdateLatestAsync(change.Entity, change.Id, change.Values, run.Actor, cancellationToken);
                        if (!result.Succeeded)
                        {
                            errors.AddRange(result.Errors.Select(e => new RecordFieldError(null,
                                localizer["Records.Error.AfterSaveRefused", rule.Name, change.Entity, e.Field is null ? e.Message : $"{e.Field}: {e.Message}"])));
                            return errors;
                        }
                    }
                }
                finally
                {
                    _depth--;
                }
            }
        }

        return errors;
    }

    /// <summary>Updates whatever version the record has now: the script changed the record as it is within this save.</summary>
    private async Task<RecordResult> UpdateLatestAsync(string entityName, string id, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var key) || await store.GetAsync(entityName, key, actor: actor, cancellationToken: cancellationToken) is not { } current)
        {
            return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        return await store.UpdateAsync(entityName, key, (int)current[SystemFields.RowVersion]!, values, actor, cancellationToken);
    }
}
