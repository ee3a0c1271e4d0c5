using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Creates many records of one entity at once (imports, integrations): each is checked exactly as
    /// <see cref="CreateAsync"/> checks one, and then all are saved in one transaction with their lines
    /// and audit entries — or, when any is refused, none. The results are in the order of the input.
    /// </summary>
    public async Task<IReadOnlyList<RecordResult>> CreateManyAsync(string entityName, IReadOnlyList<IReadOnlyDictionary<string, object?>> batch, Actor actor, CancellationToken cancellationToken = default)
    {
        actor = await _org.PlaceAsync(actor, cancellationToken);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch.Count, IRecordStore.MaxBatch);
        var (entity, records) = await OpenAsync(entityName, cancellationToken);
        if (entity is null)
        {
            return [.. batch.Select(_ => UnknownEntity(entityName))];
        }

        await using (records)
        {
            if (LinesOnlyWithParent(records!, entity) is { } refused)
            {
                return [.. batch.Select(_ => refused)];
            }

            if (ScopeOf(records!.Schema, entity, actor, RecordAction.Create) == RecordScope.None)
            {
                return [.. batch.Select(_ => Steps.Access.Forbidden(entity))];
            }

            var now = clock.GetUtcNow();
            var run = await Steps.Rules.ForAsync(records, entity, actor, cancellationToken);
            var rows = new List<Dictionary<string, object>>(batch.Count);
            var problems = new List<List<RecordFieldError>>(batch.Count);
            var audit = new List<AuditEntry>();
            foreach (var values in batch)
            {
                var row = RowStamps.New(actor, now);
                row[SystemFields.Owner] = actor.UserId;
                row[SystemFields.Department] = actor.DepartmentId!;
                var lineAudit = new List<AuditEntry>();
                var errors = await Steps.TakeValuesAsync(new RowSave(records, entity, row, null, values, actor), now, lineAudit, run, cancellationToken);

                rows.Add(row);
                problems.Add(errors);
                audit.AddRange(lineAudit);
            }

            if (problems.Any(p => p.Count > 0))
            {
                var notSaved = localizer["Records.Error.BatchNotSaved"];
                return [.. problems.Select(p => p.Count > 0 ? new RecordResult(RecordOutcome.Invalid, null, p) : RecordResult.Fail(RecordOutcome.Invalid, notSaved))];
            }

            var counters = await Steps.Numbers.PrepareAsync(entity, now, cancellationToken);
            records.NewRows.AddRange(rows.Select(row => (entity, row)));
            var creates = rows.Select(row => AuditEntries.Of(entity, row, "create", actor, now, null, null, null)).ToList();
            void Describe()
            {
                for (var i = 0; i < creates.Count; i++)
                {
                    creates[i].NewValue = AuditEntries.ValuesJson(entity, rows[i]);
                }
            }

            if (counters.Count == 0)
            {
                Describe();
            }

            var saved = await SaveRowsAsync(records, entity, rows, [.. creates, .. audit], counters.Count == 0 ? null : async () =>
            {
                foreach (var row in rows)
                {
                    await Steps.Numbers.DrawAsync(row, counters, cancellationToken);
                }

                Describe();
            }, run, actor, cancellationToken, Steps.Handlers.Change(RecordChangeKinds.Created, actor));
            return saved;
        }
    }
}
