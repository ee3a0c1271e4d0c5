using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Rules;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Runs a save of <paramref name="values"/> — onto the record <paramref name="id"/>, or a new one —
    /// through every check and rule, and answers the outcome without writing anything. Null when the
    /// entity or record does not exist or the actor may not read it.
    /// </summary>
    public async Task<RecordPreview?> PreviewAsync(string entityName, Guid? id, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken = default)
    {
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return null;
        }

        await using (records)
        {
            Dictionary<string, object> row;
            Dictionary<string, object>? before = null;
            var errors = new List<RecordFieldError>();
            if (id is { } existing)
            {
                row = (await FindLiveAsync(records!, entity, existing, cancellationToken))!;
                if (row is null || !CheckAccess.Covers(ScopeOf(records!.Schema, entity, actor, RecordAction.Read), actor, row))
                {
                    return null;
                }

                before = new Dictionary<string, object>(row);
                if (!CheckAccess.Covers(ScopeOf(records.Schema, entity, actor, RecordAction.Update), actor, row))
                {
                    errors.AddRange(_access.Forbidden(entity).Errors);
                }
            }
            else
            {
                row = NewRow(actor, clock.GetUtcNow());
                row[SystemFields.Owner] = actor.UserId;
                row[SystemFields.Department] = actor.DepartmentId!;
                if (ScopeOf(records!.Schema, entity, actor, RecordAction.Create) == RecordScope.None)
                {
                    errors.AddRange(_access.Forbidden(entity).Errors);
                }
            }

            var run = await RulesForAsync(records, entity, actor, cancellationToken) is { } rules ? rules.ForPreview() : null;
            errors.AddRange(await TakeValuesAsync(records, entity, row, before, values, actor, clock.GetUtcNow(), [], run, cancellationToken));
            var fields = FormStates(entity, row, run);
            var record = run is null ? Present(entity, row) : WithLines(entity, row, run);
            // Nothing of this is saved: the record context goes with its changes; files that were looked at are let go.
            db.ChangeTracker.Clear();
            return new RecordPreview(record, errors, fields);
        }
    }

    private Dictionary<string, FieldState> FormStates(EntityDefinition entity, Dictionary<string, object> row, RuleRun? run)
    {
        var states = entity.LiveFields.ToDictionary(
            f => f.Name,
            f => new FieldState(true, f.Kind?.SetByPlatform == true, f.Required),
            StringComparer.Ordinal);
        var conditions = EntityScripts.For(entity).Conditions;
        if (run is null || conditions.Count == 0)
        {
            return states;
        }

        using var session = scripts.Open(run.User, run.Data);
        session.Load(WithLines(entity, row, run), null);
        foreach (var (field, visible, readOnly, required) in conditions)
        {
            bool When(CompiledScript? script, bool otherwise)
            {
                try
                {
                    return script is null ? otherwise : !session.Broken && Truthy(session.Evaluate(script));
                }
                catch (ScriptFailureException)
                {
                    return otherwise; // the save reports the failure; the form keeps its default state
                }
            }

            var state = states[field.Name];
            states[field.Name] = new FieldState(When(visible, true), state.ReadOnly || When(readOnly, false), state.Required || When(required, false));
        }

        return states;
    }
}
