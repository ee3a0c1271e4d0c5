using System.Diagnostics;
using Jint;

namespace Platform.Rules;

/// <summary>
/// The wall-time limit of one script run. Jint's own timeout counts from the engine's last
/// evaluation; pooled engines invoke prepared functions, so each run starts its own deadline here,
/// and the engine's set-up (freezing the built-ins) runs without one. Time the script waits for the
/// database (<c>lookup</c>, <c>find</c>) is not charged: those reads are bounded on their own (at
/// most <see cref="DataAccess.MaxCalls"/> per run, each with the database's command timeout), and
/// a busy database must not make a correct rule fail.
/// </summary>
internal sealed class RunDeadline : Constraint
{
    private long _deadline = long.MaxValue;

    public void Start(TimeSpan limit) => _deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);

    public void Stop() => _deadline = long.MaxValue;

    /// <summary>Runs <paramref name="read"/> (a database read of the script) and moves the deadline on by the time it took.</summary>
    public T Excluding<T>(Func<T> read)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return read();
        }
        finally
        {
            if (_deadline != long.MaxValue)
            {
                _deadline += Stopwatch.GetTimestamp() - started;
            }
        }
    }

    public override void Check()
    {
        if (Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException("The script ran out of time.");
        }
    }

    public override void Reset()
    {
    }
}
