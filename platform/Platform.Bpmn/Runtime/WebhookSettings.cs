using System.Globalization;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// A webhook service task's delivery settings: <c>platform:method</c> (POST by default),
/// <c>platform:retries</c> (3; at most 10), <c>platform:retryDelay</c> (an ISO-8601 duration, PT10S;
/// doubled after each failure) and <c>platform:timeout</c> (PT30S; at most PT5M).
/// </summary>
public sealed record WebhookSettings(string Method, int Retries, TimeSpan RetryDelay, TimeSpan Timeout)
{
    public const int DefaultRetries = 3;
    public const int MaxRetries = 10;
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(5);
    public static readonly string[] Methods = ["POST", "PUT", "PATCH", "GET", "DELETE"];

    /// <summary>Reads the settings, or says what is wrong with them.</summary>
    public static WebhookSettings? Read(ServiceAction action, out string? problem)
    {
        problem = null;
        var method = (action.Method ?? "POST").ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            problem = $"platform:method '{action.Method}' is not one of {string.Join(", ", Methods)}.";
            return null;
        }

        var retries = DefaultRetries;
        if (action.Retries is { } text && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out retries) || retries > MaxRetries))
        {
            problem = $"platform:retries '{text}' is not a whole number from 0 to {MaxRetries}.";
            return null;
        }

        if (!Duration(action.RetryDelay, DefaultRetryDelay, TimeSpan.FromDays(1), "platform:retryDelay", out var delay, ref problem)
            || !Duration(action.Timeout, DefaultTimeout, MaxTimeout, "platform:timeout", out var timeout, ref problem))
        {
            return null;
        }

        return new WebhookSettings(method, retries, delay, timeout);
    }

    /// <summary>Whether a URL written without expressions is one the engine can call (absolute, http or https).</summary>
    public static bool IsCallable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static bool Duration(string? text, TimeSpan fallback, TimeSpan most, string attribute, out TimeSpan value, ref string? problem)
    {
        value = fallback;
        if (text is null)
        {
            return true;
        }

        var start = DateTimeOffset.UnixEpoch;
        if (!IsoDuration.TryParse(text, out var duration) || duration.Years + duration.Months > 0 || (value = duration.AddTo(start) - start) > most)
        {
            problem = $"{attribute} '{text}' is not an ISO-8601 duration of at most {most:c} (such as PT10S).";
            return false;
        }

        return true;
    }
}
