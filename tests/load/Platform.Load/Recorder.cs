using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Platform.Load;

/// <summary>Every request's action, time taken and outcome, kept to report throughput, percentiles and errors per action and overall.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentQueue<(string Action, double Milliseconds, bool Ok, long At)> _samples = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly long _start = Stopwatch.GetTimestamp();

    public double Seconds => Stopwatch.GetElapsedTime(_start).TotalSeconds;

    /// <summary>Sends a request, timing it; answers the response (null when the connection failed).</summary>
    public async Task<HttpResponseMessage?> TimeAsync(string action, Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, bool>? ok = null)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await send();
            var good = ok?.Invoke(response) ?? response.IsSuccessStatusCode;
            if (!good)
            {
                var body = await response.Content.ReadAsStringAsync();
                _errors.Enqueue($"{Seconds:F1}s {action}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 200)]}");
            }

            Add(action, started, good);
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            _errors.Enqueue($"{Seconds:F1}s {action}: {e.GetType().Name} {e.Message}");
            Add(action, started, false);
            return null;
        }
    }

    private void Add(string action, long started, bool ok) =>
        _samples.Enqueue((action, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok, Stopwatch.GetTimestamp()));

    public IReadOnlyCollection<string> Errors => _errors;

    /// <summary>A table: per action and in all, requests, per second, p50/p95/p99 in ms, errors; and the errors by second (the failover window).</summary>
    public string Report(double seconds)
    {
        var rows = _samples.GroupBy(s => s.Action).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Row(g.Key, [.. g], seconds)).ToList();
        rows.Add(Row("all", [.. _samples], seconds));
        var lines = new List<string> { "| action | requests | per s | p50 ms | p95 ms | p99 ms | errors |", "| --- | --- | --- | --- | --- | --- | --- |" };
        lines.AddRange(rows);
        return string.Join('\n', lines);
    }

    private static string Row(string action, List<(string Action, double Milliseconds, bool Ok, long At)> samples, double seconds)
    {
        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        double P(double q) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return string.Create(CultureInfo.InvariantCulture,
            $"| {action} | {samples.Count} | {samples.Count / seconds:F1} | {P(0.50):F0} | {P(0.95):F0} | {P(0.99):F0} | {samples.Count(s => !s.Ok)} |");
    }
}
