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
                    session.Load(run.WithLines(entity, row), run.Old); // set by a change of one record; null for new ones
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
                        var result = await ScriptChanges.SaveAsync(store, change, run.Actor, localizer, cancellationToken);
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
}
