using System.Globalization;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// An HTTP call a webhook service task waits for, kept in the instance's state with the timer that
/// delivers it: the request as evaluated when the token arrived (so every attempt sends the same
/// thing), which attempt is next, and how often and how far apart to try. <see cref="Key"/> stays the
/// same across attempts and goes out as the <c>Idempotency-Key</c> header, so a receiver can tell a
/// retry from a new call.
/// </summary>
public sealed class WebhookCall
{
    public string Key { get; set; } = "";

    public string Method { get; set; } = "POST";

    public string Url { get; set; } = "";

    /// <summary>The JSON body (the task's values); null for GET and DELETE.</summary>
    public string? Body { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>1 for the first try.</summary>
    public int Attempt { get; set; } = 1;

    /// <summary>The first try plus the retries.</summary>
    public int MaxAttempts { get; set; } = WebhookSettings.DefaultRetries + 1;

    public TimeSpan RetryDelay { get; set; } = WebhookSettings.DefaultRetryDelay;

    public TimeSpan Timeout { get; set; } = WebhookSettings.DefaultTimeout;

    /// <summary>When the attempt after this one is due: the delay doubles with each failure (10 s, 20 s, 40 s… by default).</summary>
    public DateTimeOffset NextAttemptAt(DateTimeOffset now) => now + RetryDelay * Math.Pow(2, Attempt - 1);

    public string Describe() => $"{Method} {Url}";
}

/// <summary>How a webhook attempt went: the HTTP status and body, or why no answer came (refused connection, timeout).</summary>
public sealed record WebhookResponse(int? Status, string? ContentType, string? Body, string? Error)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>Worth trying again: no answer, a timeout, too many requests, or a server error. Other refusals (400, 401, 404…) will not change by waiting.</summary>
    public bool Retriable => Status is null or 408 or 429 or >= 500;

    public string Describe() => Status is { } status
        ? $"HTTP {status.ToString(CultureInfo.InvariantCulture)}{(string.IsNullOrWhiteSpace(Body) ? "" : $": {Clip(Body)}")}"
        : Error ?? "no answer";

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
