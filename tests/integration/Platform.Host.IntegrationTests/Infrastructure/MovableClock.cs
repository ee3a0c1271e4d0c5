namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>The real time plus an offset tests add to (2 days later, in one line); timers and waits still run in real time.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));
}
