using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>A save's change as the hooks will hear of it: what it was, by whom, and for updates the records before and the fields changed.</summary>
    private sealed record PendingChange(string Kind, RecordActor Actor, IReadOnlyList<IReadOnlyDictionary<string, object?>>? Before, IReadOnlyList<IReadOnlyList<string>>? Changed);

    /// <summary>A person's change to a record some hook holds (an approval's lock); the platform's own actors are never held.</summary>
    private async Task<RecordResult?> LockedAsync(EntityDefinition entity, Guid id, RecordActor actor, CancellationToken cancellationToken)
    {
        if (actor.Access is null)
        {
            return null;
        }

        foreach (var hook in hooks)
        {
            if (await hook.RefuseAsync(entity.Name, id, actor, cancellationToken) is { } reason)
            {
                return RecordResult.Fail(RecordOutcome.Locked, reason);
            }
        }

        return null;
    }

    private async Task<List<RecordFieldError>> TellHooksAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object>> rows, PendingChange change, CancellationToken cancellationToken)
    {
        var records = rows.Select((row, i) => new ChangedRecord(Present(entity, row), change.Before?[i], change.Changed?[i] ?? [])).ToList();
        var errors = new List<RecordFieldError>();
        foreach (var hook in hooks)
        {
            errors.AddRange(await hook.SavedAsync(new SavedRecords(entity.Name, change.Kind, records, change.Actor), cancellationToken));
        }

        return errors;
    }
}

/// <summary>The kinds of change hooks hear of.</summary>
public static class RecordChangeKinds
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
}
