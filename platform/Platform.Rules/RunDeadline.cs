using System.Diagnostics;
using Jint;

namespace Platform.Rules;

/// <summary>
/// The wall-time limit of one script run. Jint's own timeout counts from the engine's last
/// evaluation; pooled engines invoke prepared functions, so each run starts its own deadline here,
/// and the engine's set-up (freezing the built-ins) runs without one.
/// </summary>
internal sealed class RunDeadline : Constraint
{
    private long _deadline = long.MaxValue;

    public void Start(TimeSpan limit) => _deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);

    public void Stop() => _deadline = long.MaxValue;

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
