namespace Platform.Bpmn.Engine;

/// <summary>
/// One step at a time per instance within this host; across hosts the database does it — an
/// advisory lock on PostgreSQL, the single writer on SQLite — and the instance's row version refuses
/// a step computed from a state another step already changed. A step may lock another instance
/// while it holds its own (a finished called process resumes its caller).
/// </summary>
public sealed class InstanceLocks
{
    private readonly Dictionary<Guid, (SemaphoreSlim Gate, int Users)> _held = [];

    public async Task<IDisposable> EnterAsync(Guid instance, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_held)
        {
            var (existing, users) = _held.TryGetValue(instance, out var entry) ? entry : (new SemaphoreSlim(1, 1), 0);
            _held[instance] = (existing, users + 1);
            gate = existing;
        }

        try
        {
            // A bounded wait: two steps that each hold one instance and want the other's (a caller being
            // cancelled while its called process finishes) give up and roll back rather than wait for ever.
            if (!await gate.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken))
            {
                throw new WorkflowException("The instance stayed busy with another step for 30 seconds; try again.", WorkflowException.Busy);
            }
        }
        catch
        {
            Leave(instance, gate, released: false);
            throw;
        }

        return new Release(this, instance, gate);
    }

    private void Leave(Guid instance, SemaphoreSlim gate, bool released)
    {
        lock (_held)
        {
            var (_, users) = _held[instance];
            if (users == 1)
            {
                _held.Remove(instance);
            }
            else
            {
                _held[instance] = (gate, users - 1);
            }
        }

        if (released)
        {
            gate.Release();
        }
    }

    private sealed class Release(InstanceLocks locks, Guid instance, SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                locks.Leave(instance, gate, released: true);
            }
        }
    }
}
