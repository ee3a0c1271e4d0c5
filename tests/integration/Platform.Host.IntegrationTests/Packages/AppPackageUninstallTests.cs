using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Storage;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Identity.Services;
using Platform.RecordPages.Views;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>
/// Uninstalling an app removes everything it brought — entities and their tables, views, roles, workflows — all or nothing. It is
/// refused while the app has data (records, workflow instances) unless the data's removal is chosen, and while another app needs it;
/// an item another app brings too stays for that app.
/// </summary>
public sealed class AppPackageUninstallTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Actor Seller = new("admin", "admin") { MayActForAnyone = true };

    private static AppPackageFile Manifest(string name, string dependencies = "") =>
        new("package.json", $$"""{ "name": "{{name}}", "version": "1.0.0" {{dependencies}} }""");

    private static readonly AppPackageFile Deal = new("entities/deal.json", """
        { "name": "deal", "label": { "zh-CN": "商机", "en": "Deal" }, "pluralLabel": { "zh-CN": "商机", "en": "Deals" },
          "fields": [ { "name": "title", "type": "text", "label": { "zh-CN": "标题", "en": "Title" }, "required": true } ] }
        """);

    private static readonly AppPackageFile Visit = new("entities/visit.json", """
        { "name": "visit", "label": { "zh-CN": "拜访", "en": "Visit" }, "pluralLabel": { "zh-CN": "拜访", "en": "Visits" },
          "fields": [ { "name": "deal", "type": "lookup", "target": "deal", "label": { "zh-CN": "商机", "en": "Deal" } } ] }
        """);

    private static readonly AppPackageFile OpenDeals = new("views/deal.open.json", """{ "entity": "deal", "labels": { "zh-CN": "进行中", "en": "Open" }, "columns": [ "title" ] }""");

    private static readonly AppPackageFile SellerRole = new("roles/seller.json", """{ "name": "Seller", "permissions": [ "Records.deal.Read.All" ] }""");

    private static readonly AppPackageFile Approval = new("workflows/deal_check.bpmn", """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="deal_check" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
            <userTask id="check" name="Check"/><sequenceFlow id="f2" sourceRef="check" targetRef="e"/>
            <endEvent id="e"/>
          </process>
        </definitions>
        """);

    private static IReadOnlyList<AppPackageFile> Crm => [Manifest("crm"), Deal, Visit, OpenDeals, SellerRole, Approval];

    private static Task<AppPackageInstallReport> InstallAsync(PlatformHost host, IReadOnlyList<AppPackageFile> files) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin"));

    private static Task<AppPackageUninstallReport> UninstallAsync(PlatformHost host, string name, bool removeData = false, bool dryRun = false) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().UninstallAsync(name, "admin", removeData, dryRun));

    /// <summary>What of the apps is here, in words: their entities (the test host has one of its own), views of deals, the seller role, the workflow's versions and instances, the deals' audit entries, the apps.</summary>
    private static async Task<string> WhatIsThereAsync(PlatformHost host) =>
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var schema = await s.GetRequiredService<SchemaManager>().LoadSchemaAsync();
            return $"entities [{string.Join(", ", schema.Entities.Select(e => e.Name).Where(n => n is "deal" or "visit").Order(StringComparer.Ordinal))}]; "
                + $"views {(await s.GetRequiredService<SavedViews>().ListAsync("deal", "admin")).Count}; "
                + $"seller {(await s.GetRequiredService<RoleAdministration>().ListAsync()).Any(r => r.Name == "Seller")}; "
                + $"workflow {await db.WorkflowDefinitions.CountAsync(d => d.ProcessKey == "deal_check")}/{await db.WorkflowInstances.CountAsync(i => i.ProcessKey == "deal_check")}; "
                + $"audit {await db.AuditEntries.CountAsync(a => a.EntityKey == "deal")}; "
                + $"apps [{string.Join(", ", (await s.GetRequiredService<AppPackageInstaller>().InstalledAsync()).Select(a => a.Name).Order(StringComparer.Ordinal))}]";
        });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_app_with_data_is_uninstalled_only_when_removing_its_data_is_chosen_and_then_everything_it_brought_is_gone(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await InstallAsync(host, Crm)).Succeeded);
        var deal = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("deal", new Dictionary<string, object?> { ["title"] = "Hangzhou fair" }, Seller));
        Assert.True(deal.Succeeded, string.Join("; ", deal.Errors.Select(e => e.Message)));
        await host.InScopeAsync(s => s.GetRequiredService<WorkflowEngine>().StartAsync("deal_check", null, Seller));

        // Asked plainly, it is refused: the data that would go is named, and nothing changed.
        var refused = await UninstallAsync(host, "crm");
        Assert.False(refused.Succeeded);
        Assert.Equal("$.removeData", Assert.Single(refused.Errors).Path);
        Assert.Contains("deal", refused.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal([(AppPackageDataKinds.Records, "deal", 1L), (AppPackageDataKinds.WorkflowInstances, "deal_check", 1L)], refused.Data.Select(d => (d.Kind, d.Owner, d.Count)));

        // A dry run with the data's removal says what goes, with the SQL that drops the tables, and changes nothing.
        var dryRun = await UninstallAsync(host, "crm", removeData: true, dryRun: true);
        Assert.True(dryRun.Succeeded, string.Join("; ", dryRun.Errors));
        Assert.Equal(["entity deal", "entity visit", "role Seller", "view views/deal.open.json", "workflow deal_check"], dryRun.Removed.Order(StringComparer.Ordinal));
        Assert.Contains(dryRun.Sql, s => s.Contains("DROP TABLE", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("entities [deal, visit]; views 1; seller True; workflow 1/1; audit 1; apps [crm]", await WhatIsThereAsync(host));

        var uninstalled = await UninstallAsync(host, "crm", removeData: true);
        Assert.True(uninstalled.Succeeded, string.Join("; ", uninstalled.Errors));
        Assert.Equal("entities []; views 0; seller False; workflow 0/0; audit 0; apps []", await WhatIsThereAsync(host));

        // Installed again, it starts empty.
        var again = await InstallAsync(host, Crm);
        Assert.True(again.Succeeded, string.Join("; ", again.Errors));
        Assert.All(again.Items, i => Assert.Equal(AppPackageItemStates.New, i.State));
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().CountRecordsAsync("deal")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_app_another_app_needs_is_not_uninstalled_and_what_both_bring_stays_for_the_other(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await InstallAsync(host, Crm)).Succeeded);
        // The fair app needs the CRM and brings the same deal entity (the same document) with a view of its own.
        var fairView = new AppPackageFile("views/deal.fair.json", """{ "entity": "deal", "labels": { "zh-CN": "展会", "en": "Fair" }, "columns": [ "title" ] }""");
        var fair = await InstallAsync(host, [Manifest("fair", """, "dependencies": { "crm": "1.0.0" }"""), Deal, fairView]);
        Assert.True(fair.Succeeded, string.Join("; ", fair.Errors));

        var needed = await UninstallAsync(host, "crm");
        Assert.False(needed.Succeeded);
        Assert.Contains("fair", Assert.Single(needed.Errors).Message, StringComparison.Ordinal);
        Assert.EndsWith("apps [crm, fair]", await WhatIsThereAsync(host), StringComparison.Ordinal);

        // The fair app goes with its own view; the deal entity stays, for the CRM brings it too.
        var gone = await UninstallAsync(host, "fair");
        Assert.True(gone.Succeeded, string.Join("; ", gone.Errors));
        Assert.Equal(["view views/deal.fair.json"], gone.Removed);
        Assert.Equal("entities [deal, visit]; views 1; seller True; workflow 1/0; audit 0; apps [crm]", await WhatIsThereAsync(host));

        // Without data the CRM needs no choice; an app not installed is named as such.
        Assert.True((await UninstallAsync(host, "crm")).Succeeded);
        var unknown = await UninstallAsync(host, "crm");
        Assert.Equal("$.name", Assert.Single(unknown.Errors).Path);
    }
}
