using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>A save's change as the handlers hear of it: what it was, by whom, and for updates the records before and the fields changed.</summary>
internal sealed record HandlerChange(string Kind, Actor Actor, IReadOnlyList<IReadOnlyDictionary<string, object?>>? Before, IReadOnlyList<IReadOnlyList<string>>? Changed);

/// <summary>
/// The events stage: tells the modules' save handlers (workflows today) of a save — before the rows
/// are written, where one may refuse, and after, inside the transaction, where a refusal rolls the
/// save back. Handlers run lowest <see cref="IRecordSaveHandler.Order"/> first; the first refusal
/// stops the others.
/// </summary>
internal sealed class TellHandlers(IEnumerable<IRecordSaveHandler> handlers)
{
    /// <summary>A change to tell of, or null when no handler listens (nothing is presented then).</summary>
    public HandlerChange? Change(string kind, Actor actor, IReadOnlyList<IReadOnlyDictionary<string, object?>>? before = null, IReadOnlyList<IReadOnlyList<string>>? changed = null) =>
        handlers.Any() ? new HandlerChange(kind, actor, before, changed) : null;

    public Task<List<RecordFieldError>> SavingAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, HandlerChange change, CancellationToken cancellationToken) =>
        TellAsync(entity, rows, change, (handler, saved) => handler.SavingAsync(saved, cancellationToken));

    public Task<List<RecordFieldError>> SavedAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, HandlerChange change, CancellationToken cancellationToken) =>
        TellAsync(entity, rows, change, (handler, saved) => handler.SavedAsync(saved, cancellationToken));

    private async Task<List<RecordFieldError>> TellAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, HandlerChange change,
        Func<IRecordSaveHandler, SavedRecords, Task<IReadOnlyList<RecordFieldError>>> tell)
    {
        var saved = new SavedRecords(entity.Name, change.Kind,
            [.. rows.Select((row, i) => new ChangedRecord(RecordRows.Present(entity, row), change.Before?[i], change.Changed?[i] ?? []))], change.Actor);
        foreach (var handler in handlers.OrderBy(h => h.Order))
        {
            if (await tell(handler, saved) is { Count: > 0 } refused)
            {
                return [.. refused];
            }
        }

        return [];
    }
}
