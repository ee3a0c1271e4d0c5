using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>What the import tests share: an administrator's client asking for English messages, uploading a file through <c>/api/files</c>, running an import to its end.</summary>
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

    /// <summary>Starts an import of <paramref name="entity"/> and polls it until it is done; answers the finished job.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string entity, Guid file, object options)
    {
        var body = JsonSerializer.SerializeToElement(options);
        var request = new Dictionary<string, object?> { ["file"] = file };
        foreach (var property in body.EnumerateObject())
        {
            request[property.Name] = property.Value;
        }

        var started = await client.PostAsJsonAsync($"/api/import/{entity}", request);
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var location = started.Headers.Location!.ToString();
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("status").GetString() != "running")
            {
                return job;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The import did not finish in 30 s.");
    }
}
