using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Data;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Group commit of workflow steps on SQLite, where there is one writer and every commit waits for the
/// disk's flush. Steps that callers ask for at the same time are run one after another in one
/// transaction, each inside a savepoint of its own, and committed together: a step that fails is
/// rolled back to its savepoint alone and its caller gets the failure, the others keep their changes.
/// A caller's step returns only once the commit that holds it is durable; when that commit fails,
/// every step of the group fails with it and nothing of the group is kept.
/// Steps queue while a group runs, so the busier the engine, the bigger the groups; one step alone
/// is committed at once.
/// </summary>
public sealed class GroupedCommits(IServiceScopeFactory scopes, ILogger<GroupedCommits> logger) : IAsyncDisposable
{
    /// <summary>The most steps one commit holds.</summary>
    public const int MostSteps = 64;

    private const string Savepoint = "grouped_step";

    private static readonly AsyncLocal<bool> InGroup = new();

    private readonly Channel<IPendingStep> _queue = Channel.CreateUnbounded<IPendingStep>(new UnboundedChannelOptions { SingleReader = true });
    private readonly object _startLock = new();
    private Task? _loop;
    private long _groups;
    private long _steps;
    private long _busyTicks;

    /// <summary>Groups committed, the steps they held and the time spent running and committing them, since the start (how well steps share commits, how busy the writer is).</summary>
    public (long Groups, long Steps, TimeSpan Busy) Committed => (Interlocked.Read(ref _groups), Interlocked.Read(ref _steps), TimeSpan.FromTicks(Interlocked.Read(ref _busyTicks)));

    /// <summary>Whether steps on this database are grouped: SQLite only (PostgreSQL and SQL Server commit concurrent transactions in parallel).</summary>
    public static bool AppliesTo(PlatformDbContext db) => db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;

    /// <summary>Runs <paramref name="step"/> on an engine of the group's scope, inside the group's transaction; returns once it is committed.</summary>
    public Task<T> RunAsync<T>(Func<WorkflowEngine, Task<T>> step, CancellationToken cancellationToken)
    {
        if (InGroup.Value)
        {
            // A step of a group that waited for another group would wait for itself.
            throw new InvalidOperationException("A grouped workflow step asked for another grouped step; it must run on the engine it was given.");
        }

        var pending = new PendingStep<T>(step, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupedCommits), "The workflow engine is shutting down.");
        }

        EnsureRunning();
        return pending.Result;
    }

    private void EnsureRunning()
    {
        if (_loop is not null)
        {
            return;
        }

        lock (_startLock)
        {
            // The loop serves every caller: it takes none of the first caller's ambient state along.
            using (ExecutionContext.SuppressFlow())
            {
                _loop ??= Task.Run(LoopAsync);
            }
        }
    }

    private async Task LoopAsync()
    {
        InGroup.Value = true;
        var group = new List<IPendingStep>(MostSteps);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (group.Count < MostSteps && _queue.Reader.TryRead(out var step))
            {
                group.Add(step);
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await CommitAsync(group);
            Interlocked.Add(ref _busyTicks, System.Diagnostics.Stopwatch.GetElapsedTime(started).Ticks);
            group.Clear();
        }
    }

    private async Task CommitAsync(List<IPendingStep> group)
    {
        var ran = new List<IPendingStep>(group.Count);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await using var kept = Platform.Data.Records.PreparedCommands.Keep(db);
            // Savepoint statements prepared once per group (SQLite's syntax: grouping is SQLite's alone).
            await using var save = Statement(db, transaction, $"SAVEPOINT {Savepoint}");
            await using var release = Statement(db, transaction, $"RELEASE SAVEPOINT {Savepoint}");
            await using var rollback = Statement(db, transaction, $"ROLLBACK TO SAVEPOINT {Savepoint}");
            foreach (var step in group)
            {
                if (step.IsCancelled)
                {
                    step.Cancel();
                    continue;
                }

                await save.ExecuteNonQueryAsync();
                try
                {
                    await step.RunAsync(engine);
                    ran.Add(step);
                }
                catch (Exception e)
                {
                    db.ChangeTracker.Clear();
                    await rollback.ExecuteNonQueryAsync();
                    step.Fail(e);
                }

                await release.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A group of {Count} workflow steps was rolled back.", group.Count);
            foreach (var step in group)
            {
                step.Fail(e);
            }

            return;
        }

        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _steps, ran.Count);
        foreach (var step in ran)
        {
            step.Publish();
        }
    }

    private static System.Data.Common.DbCommand Statement(PlatformDbContext db, IDbContextTransaction transaction, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    private interface IPendingStep
    {
        bool IsCancelled { get; }

        Task RunAsync(WorkflowEngine engine);

        void Publish();

        void Fail(Exception error);

        void Cancel();
    }

    private sealed class PendingStep<T>(Func<WorkflowEngine, Task<T>> step, CancellationToken cancellationToken) : IPendingStep
    {
        private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;
        private T? _value;

        public Task<T> Result => _result.Task;

        public bool IsCancelled => cancellationToken.IsCancellationRequested;

        public async Task RunAsync(WorkflowEngine engine)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Refusals read in the caller's language, as they would in the caller's own transaction.
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (_culture, _uiCulture);
            _value = await step(engine);
        }

        public void Publish() => _result.TrySetResult(_value!);

        public void Fail(Exception error) => _result.TrySetException(error);

        public void Cancel() => _result.TrySetCanceled(cancellationToken);
    }
}
