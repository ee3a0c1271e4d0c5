using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>A save's change as the handlers will hear of it: what it was, by whom, and for updates the records before and the fields changed.</summary>
    private sealed record PendingChange(string Kind, Actor Actor, IReadOnlyList<IReadOnlyDictionary<string, object?>>? Before, IReadOnlyList<IReadOnlyList<string>>? Changed);

    /// <summary>The handlers, lowest <see cref="IRecordSaveHandler.Order"/> first.</summary>
    private IEnumerable<IRecordSaveHandler> Handlers => hooks.OrderBy(h => h.Order);

    /// <summary>Asks every handler before the rows are written; the first that refuses stops the others.</summary>
    private Task<List<RecordFieldError>> HandlersSavingAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, PendingChange change, CancellationToken cancellationToken) =>
        TellHandlersAsync(entity, rows, change, (handler, saved) => handler.SavingAsync(saved, cancellationToken));

    /// <summary>Tells every handler after the rows are written; the first that refuses stops the others.</summary>
    private Task<List<RecordFieldError>> HandlersSavedAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, PendingChange change, CancellationToken cancellationToken) =>
        TellHandlersAsync(entity, rows, change, (handler, saved) => handler.SavedAsync(saved, cancellationToken));

    private async Task<List<RecordFieldError>> TellHandlersAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, PendingChange change,
        Func<IRecordSaveHandler, SavedRecords, Task<IReadOnlyList<RecordFieldError>>> tell)
    {
        var saved = new SavedRecords(entity.Name, change.Kind, [.. rows.Select((row, i) => new ChangedRecord(Present(entity, row), change.Before?[i], change.Changed?[i] ?? []))], change.Actor);
        foreach (var handler in Handlers)
        {
            if (await tell(handler, saved) is { Count: > 0 } refused)
            {
                return [.. refused];
            }
        }

        return [];
    }
}

/// <summary>The kinds of change handlers hear of.</summary>
public static class RecordChangeKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
