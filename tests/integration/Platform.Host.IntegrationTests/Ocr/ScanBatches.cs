using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Cli;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Tests;

namespace Platform.Host.IntegrationTests.Ocr;

/// <summary>What the scan-batch tests share: the trade-fair package, a corpus of filled-in order sheets, uploading and waiting.</summary>
internal static class ScanBatches
{
    public static readonly string Package = Path.Combine(RepositoryFolder.Root, "apps", "packages", "trade-fair-orders");

    public static string Template => Path.Combine(Package, "ocr", "apparel_order.template.json");

    public static async Task ApplyPackageAsync(PlatformHost host)
    {
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(AppPackageFolder.Read(Package), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
    }

    /// <summary>Renders <paramref name="count"/> filled-in sheets (JPEG, with their truth beside them) into <paramref name="folder"/>.</summary>
    public static async Task<IReadOnlyList<string>> CorpusAsync(string folder, int count, int seed)
    {
        var code = await CliApplication.RunAsync(["ocr", "corpus", "--template", Template, "--count", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            TextWriter.Null, TextWriter.Null);
        Assert.Equal(0, code);
        return [.. Directory.GetFiles(folder, "page-*.jpg").Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The dealers the sheets name (code and name as written), as the fair's dealer list would hold them before the fair;
    /// <paramref name="codeOf"/> may change a code (a dealer the list holds under another code).
    /// </summary>
    public static async Task AddDealersAsync(PlatformHost host, IEnumerable<string> scans, Func<string, string>? codeOf = null)
    {
        var dealers = scans.Select(s => (Code: (codeOf ?? (c => c))(TruthOf(s, "dealer_code")), Name: TruthOf(s, "dealer_name"))).DistinctBy(d => d.Code).ToList();
        var results = await host.InScopeAsync(s => s.GetRequiredService<Platform.Records.IRecordStore>().CreateManyAsync("dealer",
            [.. dealers.Select(d => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["code"] = d.Code, ["name"] = d.Name })], Platform.Core.Security.Actor.Platform));
        Assert.All(results, r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Select(e => e.Message))));
    }

    public static string TruthOf(string scan, string field) =>
        JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(scan, ".json"))).RootElement.GetProperty("values").GetProperty(field).GetString()!;

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string template, IEnumerable<(string Name, byte[] Content)> files, string? name = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(template), "template" } };
        if (name is not null)
        {
            form.Add(new StringContent(name), "name");
        }

        foreach (var (file, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", file);
        }

        return await client.PostAsync("/api/ocr/batches", form);
    }

    public static async Task<Guid> UploadScansAsync(HttpClient client, IEnumerable<string> scans)
    {
        var response = await UploadAsync(client, "apparel_order", scans.Select(s => (Path.GetFileName(s), File.ReadAllBytes(s))));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Polls the batch until <paramref name="until"/> holds (or a minute passed); answers its last state.</summary>
    public static async Task<JsonElement> WaitAsync(HttpClient client, Guid batch, Func<JsonElement, bool> until, int seconds = 120)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement state;
        do
        {
            state = await client.GetFromJsonAsync<JsonElement>($"/api/ocr/batches/{batch}");
            if (until(state))
            {
                return state;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);

        return state;
    }

    public static bool IsRead(JsonElement state) => state.GetProperty("batch").GetProperty("state").GetString() == "read";
}
