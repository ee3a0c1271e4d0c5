using System.Net;
using System.Text;
using System.Text.Json;

namespace Platform.Load;

/// <summary>An administrator's import of <see cref="LoadOptions.ImportRows"/> customers (bad rows skipped) started during the load and followed to its end.</summary>
internal sealed class BackgroundImport(Api api, Sales sales, int rows)
{
    /// <summary>The imported customers' region, which tells them apart.</summary>
    public string Region => $"import-{sales.Tag}";

    public string? Status { get; private set; }

    public int Inserted { get; private set; }

    public async Task RunAsync(TimeSpan after, DateTime until)
    {
        await Task.Delay(after);
        var csv = new StringBuilder("name,region\n");
        var random = new Random(); // other names in each run: a second run's import would otherwise be refused as the same customers
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (names.Count < rows)
        {
            names.Add(new string([.. Enumerable.Range(0, 4).Select(_ => (char)random.Next(0x4E00, 0x9FA6))]) + "商行");
        }

        foreach (var name in names)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{name},{Region}\n");
        }

        var uploaded = await api.SendAsync(HttpMethod.Post, "/api/files?name=load.csv", sales.AdminToken, content: new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())));
        var file = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        var started = await api.SendAsync(HttpMethod.Post, "/api/import/customer", sales.AdminToken,
            new { file, mapping = new Dictionary<string, string> { ["name"] = "name", ["region"] = "region" }, onError = "skip" });
        if (started.StatusCode != HttpStatusCode.Accepted)
        {
            Status = $"not started: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}";
            return;
        }

        var job = started.Headers.Location!.ToString();
        while (DateTime.UtcNow < until)
        {
            await Task.Delay(2000);
            try
            {
                var state = JsonDocument.Parse(await (await api.SendAsync(HttpMethod.Get, job, sales.AdminToken)).Content.ReadAsStringAsync()).RootElement;
                (Status, Inserted) = (state.GetProperty("status").GetString(), state.GetProperty("inserted").GetInt32());
                if (Status != "running")
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
            {
                // the host answering went away; the balancer sends the next poll to another
            }
        }
    }
}
