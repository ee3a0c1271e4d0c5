namespace Platform.Records;

/// <summary>A transaction over the records (joined when one is under way); disposing it without commit undoes everything in it.</summary>
public interface IRecordTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);

    /// <summary>Undoes the writes and forgets what was loaded, so that the next save starts clean.</summary>
    Task RollbackAsync();
}
