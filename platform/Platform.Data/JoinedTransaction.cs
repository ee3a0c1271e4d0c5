using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data;

/// <summary>
/// "Join the current transaction or begin one", written once. A change made inside another change
/// (an entity of a package, a save run by an after-save script, a deployment during a package
/// apply) joins that change's transaction and leaves committing to it; on its own it begins, commits
/// and disposes its own.
/// </summary>
public sealed class JoinedTransaction : IAsyncDisposable
{
    private JoinedTransaction(IDbContextTransaction transaction, bool owns) => (Current, Owns) = (transaction, owns);

    /// <summary>The transaction the work runs in, begun here or joined.</summary>
    public IDbContextTransaction Current { get; }

    /// <summary>True when it was begun here: this work commits it.</summary>
    public bool Owns { get; }

    public static async Task<JoinedTransaction> JoinOrBeginAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is { } current
            ? new JoinedTransaction(current, owns: false)
            : new JoinedTransaction(await db.Database.BeginTransactionAsync(cancellationToken), owns: true);

    /// <summary>Commits a transaction begun here; a joined one is committed by whoever began it.</summary>
    public Task CommitAsync(CancellationToken cancellationToken) => Owns ? Current.CommitAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Rolls back a transaction begun here; a joined one is rolled back by whoever began it, when told of the failure.</summary>
    public Task RollbackAsync() => Owns ? Current.RollbackAsync(CancellationToken.None) : Task.CompletedTask;

    public ValueTask DisposeAsync() => Owns ? Current.DisposeAsync() : ValueTask.CompletedTask;
}
