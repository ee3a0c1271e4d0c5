using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Platform.Abstractions.Telemetry;

/// <summary>
/// What the platform tells about its own work, as OpenTelemetry reads it: one activity source for traces and one meter whose
/// instruments count background jobs, imported rows, scanned pages, workflow steps, timer lag and script failures. Tags stay
/// few and bounded (kinds and outcomes, never ids), so every host's series can be scraped and summed.
/// </summary>
public static class PlatformTelemetry
{
    public const string Name = "Platform";

    public static readonly ActivitySource Activities = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Background job runs that ended, tagged <c>kind</c> and <c>outcome</c> (done, retried, failed, released, taken_over).</summary>
    public static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("platform.jobs.runs", "{run}", "Background job runs that ended, by kind and outcome.");

    /// <summary>How long a job run took, tagged <c>kind</c>.</summary>
    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("platform.jobs.duration", "s", "How long background job runs took, by kind.");

    /// <summary>Rows imported, tagged <c>outcome</c>: kept (created or updated) or refused.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("platform.import.rows", "{row}", "Rows imported from spreadsheets, kept or refused.");

    /// <summary>Scanned pages of batches read (whether read well, flagged or given up).</summary>
    public static readonly Counter<long> OcrPages = Meter.CreateCounter<long>("platform.ocr.pages", "{page}", "Scanned pages of batches read.");

    /// <summary>Workflow history events written, tagged <c>event</c> (started, performed, timerFired, taskCompleted, …).</summary>
    public static readonly Counter<long> WorkflowSteps = Meter.CreateCounter<long>("platform.workflow.steps", "{step}", "Workflow steps taken, by kind of event.");

    /// <summary>How late timers fired after they fell due.</summary>
    public static readonly Histogram<double> TimerLag = Meter.CreateHistogram<double>("platform.workflow.timer_lag", "s", "How long after falling due workflow timers fired.");

    /// <summary>Rule scripts that failed, tagged <c>kind</c>: error (the script threw) or limit (time, statements, memory).</summary>
    public static readonly Counter<long> RuleFailures = Meter.CreateCounter<long>("platform.rules.failures", "{failure}", "Rule scripts that failed, by kind.");
}
