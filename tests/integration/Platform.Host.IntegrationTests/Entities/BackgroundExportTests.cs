using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Jobs;
using Platform.Core.Records;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Exporting;
using Platform.Records.Notifications;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Exports too long to download while one waits are written in the background, on the same durable jobs as imports: the
/// list's export answers 202 with where to follow it; the file waits for its owner (and nobody else), the bell tells them;
/// a saved report exports the same way; a file removed after its time says so; and bad requests are refused with the reason.
/// </summary>
public sealed class BackgroundExportTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly (string, string?)[] Background = [("Platform:Exports:DirectRows", "2"), ("Platform:Jobs:PollInterval", "00:00:00.200")];

    private static async Task<JsonElement> FinishedAsync(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>(location);
            var state = status.GetProperty("state").GetString();
            if (state is "completed" or "failed" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(200);
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string language, object? body = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_list_longer_than_a_download_is_written_in_the_background_and_waits_for_its_owner_alone(string provider)
    {
        await using var host = await ExportTests.SeedAsync(provider, Background);
        var admin = await host.CreateAdminClientAsync();

        var asked = await SendAsync(admin, HttpMethod.Get, "/api/export/product?$orderby=code&$select=code,name,price", "zh-CN");

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var location = asked.Headers.Location!.ToString();
        Assert.Matches("^/api/exports/[0-9a-f-]{36}$", location);
        var queued = await asked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("产品", 3L), (queued.GetProperty("title").GetString(), queued.GetProperty("total").GetInt64()));

        var done = await FinishedAsync(admin, location);
        Assert.Equal("completed", done.GetProperty("state").GetString());
        Assert.Equal(3, done.GetProperty("rows").GetInt64());
        var file = await admin.GetAsync(done.GetProperty("download").GetString());
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.StartsWith("产品-", file.Content.Headers.ContentDisposition!.FileNameStar, StringComparison.Ordinal);
        var rows = ExportTests.ReadSheet(await file.Content.ReadAsByteArrayAsync(), out var sheet);
        Assert.Equal("产品", sheet);
        Assert.Equal(["编码", "名称", "单价"], rows[0].Select(c => c.Text));
        Assert.Equal(["P-1", "P-2", "P-3"], rows.Skip(1).Select(r => r[0].Text));
        Assert.True(rows[1][2].IsNumber);

        // The bell tells the owner, in either language; the exports page (and API) lists it.
        var notice = (await host.InScopeAsync(s => s.GetRequiredService<INotificationCentre>().LatestAsync(AdminId(host), 10))).Single(n => n.Kind == "export");
        Assert.Equal(("您的导出“产品”已完成：共 3 行。", "/exports"), (notice.Text["zh-CN"], notice.Link));
        Assert.Equal("Your export \u201c产品\u201d is ready: 3 rows.", notice.Text["en"]);
        var mine = await admin.GetFromJsonAsync<JsonElement>("/api/exports");
        Assert.Equal(done.GetProperty("id").GetGuid(), mine.EnumerateArray().Single().GetProperty("id").GetGuid());

        // Nobody else sees it or its file, not even someone who may read the same products.
        await Accounts.CreateRoleAsync(host, "readers", RecordPermissions.Name("product", RecordAction.Read, RecordScope.All));
        await Accounts.CreateUserAsync(host, "wang", "Wang-passw0rd", "readers");
        var wang = await host.CreateClientForAsync("wang", "Wang-passw0rd");
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wang.GetAsync(location + "/file")).StatusCode);
        Assert.Empty((await wang.GetFromJsonAsync<JsonElement>("/api/exports")).EnumerateArray());

        // A short list still downloads at once; ?background=true sends even that to the background, as CSV.
        var direct = await SendAsync(admin, HttpMethod.Get, "/api/export/product?$filter=code eq 'P-1'", "en");
        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        var forced = await SendAsync(admin, HttpMethod.Get, "/api/export/product?format=csv&background=true&$filter=code eq 'P-1'&$select=code,name", "en");
        Assert.Equal(HttpStatusCode.Accepted, forced.StatusCode);
        var csv = await FinishedAsync(admin, forced.Headers.Location!.ToString());
        var bytes = await admin.GetByteArrayAsync(csv.GetProperty("download").GetString());
        Assert.Equal("Code,Name\r\nP-1,'=SUM(A1:A9)\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_saved_report_exports_in_the_background_and_an_expired_file_says_so(string provider)
    {
        await using var host = await ExportTests.SeedAsync(provider, Background);
        var admin = await host.CreateAdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/reports", new
        {
            definition = new
            {
                entity = "product", labels = new Dictionary<string, string> { ["zh-CN"] = "产品状态", ["en"] = "Products by status" }, display = "table",
                groups = new[] { new { field = "status" } },
                measures = new object[] { new { name = "n", function = "count", format = "number", label = new Dictionary<string, string> { ["zh-CN"] = "个数", ["en"] = "Count" } } },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var asked = await SendAsync(admin, HttpMethod.Post, "/api/exports", "en", new { source = "report", subject = report, format = "xlsx" });

        Assert.Equal(HttpStatusCode.Accepted, asked.StatusCode);
        var done = await FinishedAsync(admin, asked.Headers.Location!.ToString());
        Assert.Equal(("completed", "Products by status"), (done.GetProperty("state").GetString(), done.GetProperty("title").GetString()));
        var rows = ExportTests.ReadSheet(await admin.GetByteArrayAsync(done.GetProperty("download").GetString()), out _);
        Assert.Equal(["Status", "Count"], rows[0].Select(c => c.Text));
        Assert.Contains(rows, r => r[0].Text == "On sale" && r[1].Text == "2");

        // Its file removed after its time (as any upload nobody attached): the export says so, and how to get a new one.
        var id = done.GetProperty("id").GetGuid();
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var fileId = (await db.Set<ExportRun>().SingleAsync(r => r.Id == id)).FileId;
            return await db.StoredFiles.Where(f => f.Id == fileId).ExecuteDeleteAsync();
        });
        var gone = await SendAsync(admin, HttpMethod.Get, $"/api/exports/{id}/file", "zh-CN");
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("此导出的文件已过期并被删除，请重新导出。", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await admin.GetFromJsonAsync<JsonElement>($"/api/exports/{id}")).GetProperty("expired").GetBoolean());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Exports_that_cannot_be_written_are_refused_with_the_reason_and_queue_nothing(string provider)
    {
        await using var host = await ExportTests.SeedAsync(provider, Background);
        var admin = await host.CreateAdminClientAsync();

        var cases = new (object Body, HttpStatusCode Status, string Says)[]
        {
            (new { source = "mail", subject = "product" }, HttpStatusCode.BadRequest, "“mail”不可导出；可导出："),
            (new { source = "records", subject = "product", format = "pdf" }, HttpStatusCode.BadRequest, "“pdf”不是导出格式"),
            (new { source = "records", subject = "nothing" }, HttpStatusCode.NotFound, "nothing"),
            (new { source = "records", subject = "product", options = new Dictionary<string, string> { ["$filter"] = "colour eq 'red'" } }, HttpStatusCode.BadRequest, "colour"),
            (new { source = "report", subject = Guid.NewGuid() }, HttpStatusCode.NotFound, ""),
            (new { source = "records" }, HttpStatusCode.BadRequest, "请说明导出什么"),
        };
        foreach (var (body, status, says) in cases)
        {
            var answer = await SendAsync(admin, HttpMethod.Post, "/api/exports", "zh-CN", body);
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(answer.StatusCode == status, $"{JsonSerializer.Serialize(body)}: {(int)answer.StatusCode} {text}");
            Assert.Contains(says, text, StringComparison.Ordinal);
        }

        var broken = new HttpRequestMessage(HttpMethod.Post, "/api/exports") { Content = new StringContent("{ source: ", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(broken)).StatusCode);
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Set<ExportRun>().CountAsync()));
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().BackgroundJobs.CountAsync(j => j.Kind == "export")));

        // Someone whose roles do not let them read products: refused before anything is queued.
        await Accounts.CreateUserAsync(host, "zhao", "Zhao-passw0rd");
        var zhao = await host.CreateClientForAsync("zhao", "Zhao-passw0rd");
        var refused = await SendAsync(zhao, HttpMethod.Post, "/api/exports", "en", new { source = "records", subject = "product" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_export_whose_host_died_is_written_by_another_host_once(string provider)
    {
        await using var host = await ExportTests.SeedAsync(provider, [("Platform:Exports:DirectRows", "2"), ("Platform:Jobs:Slots", "0")]);
        var admin = await host.CreateAdminClientAsync();
        var asked = await SendAsync(admin, HttpMethod.Get, "/api/export/product", "en");
        var id = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // A host took the job and died writing it: its lease ran out an hour ago.
        var jobId = await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var run = await db.Set<ExportRun>().SingleAsync(r => r.Id == id);
            await db.BackgroundJobs.Where(j => j.Id == run.JobId).ExecuteUpdateAsync(j => j
                .SetProperty(x => x.State, BackgroundJobStates.Running).SetProperty(x => x.Attempts, 1).SetProperty(x => x.LeaseOwner, "host-that-died")
                .SetProperty(x => x.LeaseUntil, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds()).SetProperty(x => x.Done, 1));
            return run.JobId;
        });
        await using var second = PlatformHost.Start(host.Database, ("Platform:Jobs:PollInterval", "00:00:00.200"));
        var other = await second.CreateAdminClientAsync();

        var done = await FinishedAsync(other, $"/api/exports/{id}");

        Assert.Equal(("completed", 3L), (done.GetProperty("state").GetString(), done.GetProperty("rows").GetInt64()));
        var job = await second.InScopeAsync(s => s.GetRequiredService<IBackgroundJobs>().FindAsync(jobId));
        Assert.Equal((BackgroundJobStates.Done, 2), (job!.State, job.Attempts));
        Assert.Single(await second.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().StoredFiles.Where(f => f.Name.EndsWith(".xlsx")).ToListAsync()));
        Assert.Equal(3, ExportTests.ReadSheet(await admin.GetByteArrayAsync(done.GetProperty("download").GetString()), out _).Count - 1);
    }

    private static string AdminId(PlatformHost host) =>
        host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync()).GetAwaiter().GetResult();
}
