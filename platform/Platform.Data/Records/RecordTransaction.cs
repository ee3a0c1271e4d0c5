namespace Platform.Data.Records;

/// <summary>
/// All or nothing over many saves (an import that loads every row or none): saves made through the
/// record service while it is open join it. Rolling back also forgets what the saves had tracked.
/// </summary>
public sealed class RecordTransaction : IRecordTransaction
{
    private readonly PlatformDbContext _db;
    private readonly JoinedTransaction _transaction;

    internal RecordTransaction(PlatformDbContext db, JoinedTransaction transaction) => (_db, _transaction) = (db, transaction);

    public Task CommitAsync(CancellationToken cancellationToken) => _transaction.CommitAsync(cancellationToken);

    public async Task RollbackAsync()
    {
        await _transaction.RollbackAsync();
        _db.ChangeTracker.Clear();
    }

    public ValueTask DisposeAsync() => _transaction.DisposeAsync();
}
