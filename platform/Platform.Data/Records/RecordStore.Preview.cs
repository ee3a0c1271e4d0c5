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
    public async Task<RecordPreview?> PreviewAsync(string entityName, Guid? id, IReadOnlyDictionary<string, object?> values, Actor actor, IReadOnlyCollection<string>? edited = null, CancellationToken cancellationToken = default)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
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
                if (row is null || !ReachOf(records!.Schema, entity, actor, RecordAction.Read).Covers(row))
                {
                    return null;
                }

                before = new Dictionary<string, object>(row);
                if (!ReachOf(records.Schema, entity, actor, RecordAction.Update).Covers(row)
                    && await Steps.Access.HoldAsync(entity, existing, actor, cancellationToken) is not { AllowsSome: true })
                {
                    errors.AddRange(Steps.Access.Forbidden(entity).Errors);
                }
            }
            else
            {
                row = RowStamps.New(actor, clock.GetUtcNow());
                row[SystemFields.Owner] = actor.UserId;
                row[SystemFields.Department] = actor.DepartmentId!;
                if (ScopeOf(records!.Schema, entity, actor, RecordAction.Create) == RecordScope.None)
                {
                    errors.AddRange(Steps.Access.Forbidden(entity).Errors);
                }
            }

            var run = await Steps.Rules.ForAsync(records, entity, actor, cancellationToken) is { } rules ? rules.ForPreview(edited) : null;
            errors.AddRange(await Steps.TakeValuesAsync(new RowSave(records, entity, row, before, values, actor), clock.GetUtcNow(), [], run, cancellationToken));
            var fields = Steps.Rules.FieldStates(entity, row, run);
            var record = run is null ? RecordRows.Present(entity, row) : run.WithLines(entity, row);
            Restrict(fields, FieldsOf(entity, actor));
            HideFrom(records!.Schema, entity, record, actor);
            // Nothing of this is saved: the record context goes with its changes; files that were looked at are let go.
            db.ChangeTracker.Clear();
            return new RecordPreview(record, errors, fields) { SetByRules = run?.SetByRules ?? [] };
        }
    }
}
