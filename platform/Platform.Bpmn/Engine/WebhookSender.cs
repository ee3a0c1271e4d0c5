using System.Net.Http.Headers;
using System.Text;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

/// <summary>
/// Sends webhook calls over HTTP: the same body and <c>Idempotency-Key</c> on every attempt, the
/// call's own timeout, and at most 1 MiB of the answer kept. Never throws for the far side's
/// failures: a refused connection or a timeout is an answer without a status.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    private const int MaxAnswer = 1 << 20;

    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
    };

    public async Task<WebhookResponse> SendAsync(WebhookCall call, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Url);
        if (call.Body is not null)
        {
            request.Content = new StringContent(call.Body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("User-Agent", "Platform-Workflows/1");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", call.Key);
        foreach (var (name, value) in call.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(call.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var body = await ReadAsync(response.Content, timeout.Token);
            return new WebhookResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookResponse(null, null, null, $"no answer within {call.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new WebhookResponse(null, null, null, $"could not be sent: {e.Message}");
        }
    }

    private static async Task<string> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxAnswer];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0)
        {
            read += n;
        }

        var encoding = content.Headers.ContentType?.CharSet is { } charset ? TryEncoding(charset) : Encoding.UTF8;
        return encoding.GetString(buffer, 0, read);
    }

    private static Encoding TryEncoding(string name)
    {
        try
        {
            return Encoding.GetEncoding(name.Trim('"'));
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8;
        }
    }

    public void Dispose() => _http.Dispose();
}
