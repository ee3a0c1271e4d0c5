using System.Net;
using System.Text;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>A request as a client sends it, answered with the status and the body, whatever the status.</summary>
public static class ApiCalls
{
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpClient client, HttpMethod method, string url, string? json = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
