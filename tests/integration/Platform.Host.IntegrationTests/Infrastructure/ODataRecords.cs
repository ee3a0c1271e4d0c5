using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>Records made through the OData API as a client makes them.</summary>
public static class ODataRecords
{
    /// <summary>Posts a record and answers its id; anything but 201 fails the test with the body the API answered.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string set, string json)
    {
        var response = await client.PostAsync($"/odata/{set}", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }
}
