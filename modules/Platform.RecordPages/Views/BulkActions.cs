using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;

namespace Platform.RecordPages.Views;

/// <summary>What a bulk action did: how many records it changed, and why the others were left as they were.</summary>
public sealed record BulkOutcome(int Done, IReadOnlyList<string> Problems);

/// <summary>
/// Actions on the records picked in a list: give them another owner, or move them to the recycle
/// bin. Each record goes through the record service on its own (rights, locks, rules, audit), so
/// one refused record leaves the others done and is named in the outcome.
/// </summary>
public sealed class BulkActions(IServiceScopeFactory scopes)
{
    public const int MaxRecords = 500;

    public Task<BulkOutcome> AssignOwnerAsync(string entity, IReadOnlyCollection<Guid> ids, string ownerId, Actor actor, CancellationToken cancellationToken = default) =>
        EachAsync(entity, ids, actor, (store, record, version) =>
            store.UpdateAsync(entity, record, version, new Dictionary<string, object?> { [SystemFields.Owner] = ownerId }, actor, cancellationToken), cancellationToken);

    public Task<BulkOutcome> DeleteAsync(string entity, IReadOnlyCollection<Guid> ids, Actor actor, CancellationToken cancellationToken = default) =>
        EachAsync(entity, ids, actor, (store, record, version) => store.DeleteAsync(entity, record, version, actor, cancellationToken), cancellationToken);

    private async Task<BulkOutcome> EachAsync(string entity, IReadOnlyCollection<Guid> ids, Actor actor,
        Func<IRecordStore, Guid, int, Task<RecordResult>> act, CancellationToken cancellationToken)
    {
        var done = 0;
        var problems = new List<string>();
        foreach (var id in ids.Distinct().Take(MaxRecords))
        {
            // A store per record: one record's refused save leaves nothing tracked for the next.
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<IRecordStore>();
            var current = await store.GetAsync(entity, id, actor: actor, cancellationToken: cancellationToken);
            if (current is null)
            {
                continue; // gone meanwhile, or not readable: nothing to do
            }

            var result = await act(store, id, (int)current[SystemFields.RowVersion]!);
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                problems.Add($"{Title(current)}: {string.Join(" ", result.Errors.Select(e => e.Message))}");
            }
        }

        return new BulkOutcome(done, problems);
    }

    private static string Title(IReadOnlyDictionary<string, object?> record) =>
        record.Where(p => p.Value is string { Length: > 0 } && p.Key is not (SystemFields.CreatedBy or SystemFields.UpdatedBy or SystemFields.Owner or SystemFields.Department))
            .Select(p => (string)p.Value!).FirstOrDefault() ?? record[SystemFields.Id]!.ToString()!;
}
