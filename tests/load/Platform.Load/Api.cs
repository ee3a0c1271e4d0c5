using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Load;

/// <summary>The platform's HTTP API as the simulated people call it: one connection pool for all, each request with its caller's token.</summary>
internal sealed class Api(Uri baseUrl)
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30),
    };

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token, object? body = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content ?? (body is null ? null : JsonContent.Create(body)) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.AcceptLanguage.ParseAdd("en");
        return _http.SendAsync(request);
    }

    public async Task<string> SignInAsync(string userName, string password)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    public async Task<JsonElement> JsonAsync(HttpMethod method, string path, string token, object? body = null)
    {
        var response = await SendAsync(method, path, token, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Every value of <paramref name="property"/> in an OData list, following its next links.</summary>
    public async Task<List<string>> AllAsync(string path, string token, string property)
    {
        var values = new List<string>();
        string? next = path;
        while (next is not null)
        {
            var page = await JsonAsync(HttpMethod.Get, next, token);
            values.AddRange(page.GetProperty("value").EnumerateArray().Select(r => r.GetProperty(property).ToString()));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return values;
    }
}
