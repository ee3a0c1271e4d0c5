using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;
using Platform.Data.Scripts;
using Platform.Rules;

namespace Platform.Data.Records;

/// <summary>
/// Record actions: the person must hold the action's permission and be able to read each record; the action's condition must
/// hold for it; its script then runs in the sandbox and the records it creates and changes are saved through this service —
/// with the person's rights, or with every right for an elevated action — all in one transaction.
/// </summary>
public sealed partial class RecordStore : IRecordActions
{
    /// <summary>One run acts on this many records at most (a list's chosen rows).</summary>
    public const int MaxActionRecords = 200;

    public async Task<RecordActionResult> RunActionAsync(string entityName, string actionName, IReadOnlyList<Guid> ids, Actor actor,
        IReadOnlyDictionary<string, object?>? input = null, CancellationToken cancellationToken = default)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        if (schema.Find(entityName) is not { } entity)
        {
            return RecordActionResult.Fail(RecordOutcome.UnknownEntity, localizer["Records.Error.UnknownEntity", entityName]);
        }

        var found = EntityScripts.For(entity).Actions.FirstOrDefault(a => a.Action.Name.Equals(actionName, StringComparison.OrdinalIgnoreCase));
        if (found.Action is null)
        {
            return RecordActionResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NoAction", actionName, entity.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name)]);
        }

        var (action, when, script) = found;

        if (!actor.Rights.Holds(RecordPermissions.Action(PermissionEntity(schema, entity), action.Name)))
        {
            return RecordActionResult.Fail(RecordOutcome.Forbidden, localizer["Records.Error.ActionForbidden", action.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name)]);
        }

        if (ids.Count is 0 or > MaxActionRecords)
        {
            return RecordActionResult.Fail(RecordOutcome.Invalid, localizer["Records.Error.ActionCount", MaxActionRecords]);
        }

        var (answers, problems) = await InputOfAsync(action, input ?? new Dictionary<string, object?>(), schema, actor, cancellationToken);
        if (problems.Count > 0)
        {
            return new RecordActionResult(RecordOutcome.Invalid, problems);
        }

        var run = new ActionRun(entity, action, when, script, actor, action.Elevated ? actor with { Access = null, Org = null } : actor,
            await ScriptUsers.OfAsync(db, actor, cancellationToken), action.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name), schema, answers);
        await using var transaction = await BeginTransactionAsync(cancellationToken);
        foreach (var id in ids.Distinct())
        {
            if (await RunActionOnAsync(run, id, cancellationToken) is { } refused)
            {
                await transaction.RollbackAsync();
                return refused;
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new RecordActionResult(RecordOutcome.Saved, [], run.Created, run.Updated, run.Open?.Entity, run.Open?.Id);
    }

    /// <summary>One run of an action: what it is, who asked (and with which rights its changes are saved), what it did so far.</summary>
    private sealed record ActionRun(EntityDefinition Entity, RecordActionDefinition Action, CompiledScript? When, CompiledScript Script, Actor Actor, Actor Doer,
        IReadOnlyDictionary<string, object?> User, string Label, RecordsSchema Schema, IReadOnlyDictionary<string, object?> Input)
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public (string Entity, Guid Id)? Open { get; set; }
    }

    /// <summary>The action on one record; null when it went through, else why it did not (the caller rolls everything back).</summary>
    private async Task<RecordActionResult?> RunActionOnAsync(ActionRun run, Guid id, CancellationToken cancellationToken)
    {
        if (await GetAsync(run.Entity.Name, id, actor: run.Actor, cancellationToken: cancellationToken) is not { } record)
        {
            return RecordActionResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        var changes = new List<RecordChange>();
        var (_, records) = await OpenAsync(run.Entity.Name, cancellationToken);
        await using (records)
        {
            var data = new RecordScriptData(records!, run.Actor, db, scripts.Clock);
            try
            {
                if (run.When is not null && !ScriptGuard.Truthy(scripts.Evaluate(run.When, record, null, run.User, data)))
                {
                    return RecordActionResult.Fail(RecordOutcome.Locked, localizer["Records.Error.ActionUnavailable", run.Label]);
                }

                using var session = scripts.Open(run.User, data, changes);
                session.Load(record, run.Input); // the action frame's second parameter is input
                session.Change(run.Script);
            }
            catch (ScriptFailureException failure) when (failure.Kind == ScriptFailureKind.Refusal)
            {
                return new RecordActionResult(RecordOutcome.Invalid, [new RecordFieldError(failure.Field, failure.Message)]);
            }
            catch (ScriptFailureException failure)
            {
                logger.LogWarning("Action {Action} of {Entity} failed on record {Record}: {Message}", run.Action.Name, run.Entity.Name, id, failure.Message);
                return RecordActionResult.Fail(RecordOutcome.Invalid, localizer["Records.Error.ActionFailed", run.Label, failure.Message]);
            }
        }

        foreach (var change in changes)
        {
            if (change.Opens)
            {
                run.Open = Guid.TryParse(change.Id, out var target) && run.Schema.Find(change.Entity) is { } opened ? (opened.Name, target) : null;
                continue;
            }

            var result = await ScriptChanges.SaveAsync(this, change, run.Doer, localizer, cancellationToken);
            if (!result.Succeeded)
            {
                return new RecordActionResult(result.Outcome,
                    [.. result.Errors.Select(e => new RecordFieldError(null, localizer["Records.Error.ActionRefused", run.Label, run.Schema.Find(change.Entity)?.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? change.Entity, e.Field is null ? e.Message : $"{e.Field}: {e.Message}"]))]);
            }

            if (change.Id is null)
            {
                run.Created++;
            }
            else
            {
                run.Updated++;
            }
        }

        return null;
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<string>>> OfferedAsync(string entityName, IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var offered = new Dictionary<Guid, IReadOnlyList<string>>();
        if (schema.Find(entityName) is not { } entity || ids.Count == 0)
        {
            return offered;
        }

        var held = EntityScripts.For(entity).Actions.Where(a => actor.Rights.Holds(RecordPermissions.Action(PermissionEntity(schema, entity), a.Action.Name))).ToList();
        if (held.Count == 0)
        {
            return offered;
        }

        var user = await ScriptUsers.OfAsync(db, actor, cancellationToken);
        var (_, records) = await OpenAsync(entity.Name, cancellationToken);
        await using (records)
        {
            var reader = new RecordReader(entity, records!, actor);
            var data = new RecordScriptData(records!, actor, db, scripts.Clock);
            foreach (var (id, record) in await reader.FindManyAsync(entity, [.. ids.Take(MaxActionRecords)], cancellationToken))
            {
                var names = new List<string>();
                foreach (var (action, when, _) in held)
                {
                    try
                    {
                        if (when is null || ScriptGuard.Truthy(scripts.Evaluate(when, record, null, user, data)))
                        {
                            names.Add(action.Name);
                        }
                    }
                    catch (ScriptFailureException failure)
                    {
                        logger.LogWarning("The condition of action {Action} of {Entity} failed on record {Record}: {Message}", action.Name, entity.Name, id, failure.Message);
                    }
                }

                offered[id] = names;
            }
        }

        return offered;
    }

    /// <summary>
    /// The action's form as filled in, each value converted and checked as its field would be (required, kind, range, choices; a
    /// lookup must name a record the person may read, a person an existing account); problems at <c>input.{name}</c>. Names the form does not ask for are refused.
    /// </summary>
    private async Task<(Dictionary<string, object?> Answers, List<RecordFieldError> Problems)> InputOfAsync(RecordActionDefinition action,
        IReadOnlyDictionary<string, object?> given, RecordsSchema schema, Actor actor, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, object?>(StringComparer.Ordinal);
        var problems = new List<RecordFieldError>();
        var asked = action.Inputs ?? [];
        foreach (var name in given.Keys.Where(k => !asked.Any(i => i.Name.Equals(k, StringComparison.Ordinal))))
        {
            problems.Add(new($"input.{name}", localizer["Records.Error.ActionNoInput", name]));
        }

        foreach (var field in asked)
        {
            var at = $"input.{field.Name}";
            if (!converter.TryConvert(field, given.GetValueOrDefault(field.Name), out var value, out var error))
            {
                problems.Add(new(at, error!));
            }
            else if (value is null && field.Required)
            {
                problems.Add(new(at, localizer["Records.Error.Required"]));
            }
            else if (value is Guid id && field.Type == Core.Metadata.FieldTypes.Lookup.Name
                     && (schema.Find(field.Target ?? "") is not { } target || await GetAsync(target.Name, id, actor: actor, cancellationToken: cancellationToken) is null))
            {
                problems.Add(new(at, localizer["Records.Error.NoSuchTarget", schema.Find(field.Target ?? "")?.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name) ?? field.Target ?? ""]));
            }
            else if (value is string person && field.Type == Core.Metadata.FieldTypes.User.Name && !await db.Users.AnyAsync(u => u.Id == person, cancellationToken))
            {
                problems.Add(new(at, localizer["Records.Error.NoSuchUser"]));
            }
            else
            {
                answers[field.Name] = value;
            }
        }

        return (answers, problems);
    }
}
