using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>What the import tests share: an administrator's client asking for English messages, and uploading a file through <c>/api/files</c>.</summary>
public static class ImportClients
{
    /// <summary>The administrator, answered in English (the import tests compare English messages; zh-CN is checked in the browser).</summary>
    public static async Task<HttpClient> EnglishAdminAsync(PlatformHost host)
    {
        var client = await host.CreateAdminClientAsync();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }

    /// <summary>Uploads a file and answers its id.</summary>
    public static async Task<Guid> UploadAsync(HttpClient client, byte[] content, string name)
    {
        var response = await client.PostAsync($"/api/files?name={name}", new ByteArrayContent(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
