using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>An app leaves a platform as a package with everything in it, and the package makes the same app on an empty platform.</summary>
public sealed class AppPackageRoundTripTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Package(string name) => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", name);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Exported_apps_apply_on_an_empty_platform_and_export_again_to_the_same_files(string provider)
    {
        // The CRM and the trade-fair app hold every kind of document (the inventory app, the largest, adds no kind of its own).
        await using var first = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", Package("crm")), ("Platform:Packages:1", Package("trade-fair-orders")));
        // What analysts made in the browser goes too: a shared view, a shared report and a dashboard naming that report by its id.
        var admin = await first.CreateAdminClientAsync();
        var actor = new Actor("admin", "admin", Access: new RecordAccess(true, []));
        var (viewId, viewProblems) = await first.Services.GetRequiredService<Platform.RecordPages.Views.SavedViews>().SaveAsync("customer", null,
            new ViewDefinition { Label = "华东大客户", Columns = ["name", "grade"], Conditions = [new ViewCondition { Field = "region", Operator = "eq", Value = "华东" }] },
            shared: true, actor, mayShare: true);
        Assert.True(viewId is not null, string.Join("; ", viewProblems.Select(p => p.Message)));
        var (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/reports", """
            { "shared": true, "definition": { "entity": "customer", "labels": { "zh-CN": "各等级客户数", "en": "Customers by grade" }, "display": "table",
              "groups": [ { "field": "grade" } ], "measures": [ { "name": "customers", "function": "count" } ] } }
            """);
        Assert.True(status == HttpStatusCode.Created, body);
        var report = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/dashboards",
            $$"""{ "shared": true, "definition": { "labels": { "zh-CN": "客户看板", "en": "Customers" }, "widgets": [ { "report": "{{report}}", "x": 0, "y": 0, "w": 6, "h": 2 } ] } }""");
        Assert.True(status == HttpStatusCode.Created, body);

        var exported = Path.Combine(first.Database.DataDirectory, "exported");
        AppPackageFolder.Write(exported, await first.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ExportAsync("apps")));

        // Applied back where it came from, it finds everything again — what was made in the browser too — and copies nothing.
        var back = await first.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(AppPackageFolder.Read(exported), "admin"));
        Assert.True(back.Succeeded, string.Join(Environment.NewLine, back.Errors));
        Assert.Empty(back.Created);
        // Only the dashboard changes: its widget named the report by id, and names it by its file now — the same report.
        Assert.Equal([$"dashboard {Path.GetRelativePath(exported, Directory.GetFiles(Path.Combine(exported, "dashboards"), "dashboard.*").Single()).Replace('\\', '/')}"], back.Changed);

        await using var second = await PlatformHost.StartAsync(provider);
        var applied = await second.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(AppPackageFolder.Read(exported), "admin"));
        Assert.True(applied.Succeeded, string.Join(Environment.NewLine, applied.Errors));
        var again = Path.Combine(second.Database.DataDirectory, "again");
        AppPackageFolder.Write(again, await second.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ExportAsync("apps")));

        var files = Files(exported);
        Assert.Equal(files.Keys, Files(again).Keys);
        foreach (var (path, bytes) in Files(again))
        {
            Assert.True(bytes.AsSpan().SequenceEqual(files[path]), $"{path} differs after the round trip");
        }

        // Every kind of document is in it, those made in the browser with paths of their own.
        foreach (var kind in new[] { "entities/", "views/", "menus/", "roles/", "reports/", "dashboards/", "print/", "ocr/", "workflows/" })
        {
            Assert.Contains(files.Keys, p => p.StartsWith(kind, StringComparison.Ordinal));
        }

        Assert.Contains("views/sales_order.open.json", files.Keys);
        Assert.Contains("workflows/sales_order_approval.bpmn", files.Keys);
        Assert.Contains("ocr/apparel_order.blank.png", files.Keys);
        Assert.Contains("print/sales_order.liquid", files.Keys);
        Assert.Contains("roles/crm_sales_manager.json", files.Keys);
        var madeView = $"views/customer.{viewId!.Value.ToString("N")[..8]}.json";
        Assert.Contains(madeView, files.Keys);
        var dashboard = files.Single(f => f.Key.StartsWith("dashboards/dashboard.", StringComparison.Ordinal));
        var widgetReport = JsonDocument.Parse(dashboard.Value).RootElement.GetProperty("widgets")[0].GetProperty("report").GetString();
        Assert.Equal($"reports/customer.{report.ToString("N")[..8]}.json", widgetReport);
        Assert.Contains(widgetReport!, files.Keys);
        Assert.Contains("华东大客户", File.ReadAllText(Path.Combine(exported, madeView)), StringComparison.Ordinal);
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
