using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Identity.Services;
using Platform.RecordPages.Views;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Packages;

/// <summary>
/// Upgrading an installed app updates what nobody changed here, keeps what was changed here, and asks about what changed on both
/// sides; an older version, a missing dependency or a broken manifest is refused with nothing applied.
/// </summary>
public sealed class AppPackageUpgradeTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Actor Analyst = new("admin", "admin", Access: new RecordAccess(true, []));

    private static AppPackageFile Manifest(string version, string dependencies = "") =>
        new("package.json", $$"""{ "name": "shop", "description": "A small shop", "version": "{{version}}" {{dependencies}} }""");

    private static AppPackageFile Deal(params string[] moreFields) => new("entities/deal.json", $$"""
        { "name": "deal", "label": { "zh-CN": "商机", "en": "Deal" }, "pluralLabel": { "zh-CN": "商机", "en": "Deals" },
          "fields": [ { "name": "title", "type": "text", "label": { "zh-CN": "标题", "en": "Title" }, "required": true },
                      { "name": "amount", "type": "money", "label": { "zh-CN": "金额", "en": "Amount" } } {{string.Concat(moreFields.Select(f => $$""", { "name": "{{f}}", "type": "text", "label": { "zh-CN": "{{f}}", "en": "{{f}}" } }"""))}} ] }
        """);

    private static AppPackageFile View(string name, string label, params string[] columns) =>
        new($"views/deal.{name}.json", $$"""{ "entity": "deal", "labels": { "zh-CN": "{{label}}", "en": "{{name}}" }, "columns": [ {{string.Join(", ", columns.Select(c => $"\"{c}\""))}} ] }""");

    private static AppPackageFile Seller(params string[] permissions) =>
        new("roles/seller.json", $$"""{ "name": "Seller", "description": "Sells", "permissions": [ {{string.Join(", ", permissions.Select(p => $"\"{p}\""))}} ] }""");

    private static Task<AppPackageInstallReport> InstallAsync(PlatformHost host, IReadOnlyList<AppPackageFile> files, bool dryRun = false, Dictionary<string, string>? choices = null) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin", dryRun, choices));

    private static string States(AppPackageInstallReport report) => string.Join("; ", report.Items.Select(i => $"{i.Item} {i.State}"));

    private static async Task<Dictionary<string, ViewDefinition>> ViewsAsync(PlatformHost host) =>
        (await host.Services.GetRequiredService<SavedViews>().ListAsync("deal", "admin")).ToDictionary(v => v.Definition.LabelFor("en"), v => v.Definition);

    private static async Task<Platform.Identity.Models.RoleEdit> SellerAsync(PlatformHost host) =>
        (await host.InScopeAsync(s => s.GetRequiredService<RoleAdministration>().ListAsync())).Single(r => r.Name == "Seller");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_upgrade_updates_what_nobody_changed_keeps_what_was_changed_here_and_asks_about_what_changed_on_both_sides(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var first = await InstallAsync(host, [Manifest("1.0.0"), Deal(), View("open", "进行中", "title"), View("big", "大单", "title", "amount"), View("old", "旧视图", "title"),
            Seller("Records.deal.Read.All", "Records.deal.Create")]);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal("entities/deal new; roles/seller new; views/deal.big new; views/deal.old new; views/deal.open new", States(first));

        // Here, an analyst narrows the big deals' view and an administrator takes a permission from the seller.
        var big = (await host.Services.GetRequiredService<SavedViews>().ListAsync("deal", "admin")).Single(v => v.Definition.LabelFor("en") == "big");
        var narrowed = (await ViewsAsync(host))["big"];
        narrowed.Columns = ["title"];
        Assert.Empty((await host.Services.GetRequiredService<SavedViews>().SaveAsync("deal", big.Id, narrowed, shared: true, Analyst, mayShare: true)).Problems);
        var seller = await SellerAsync(host);
        seller.Permissions.Remove("Records.deal.Create");
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<RoleAdministration>().SaveAsync(seller))).Succeeded);

        // Version 1.1.0 adds a field, changes the open and the big deals' views, leaves the seller as it was and drops the old view.
        IReadOnlyList<AppPackageFile> next = [Manifest("1.1.0"), Deal("stage"), View("open", "进行中", "title", "stage"), View("big", "大单", "title", "amount", "stage"),
            Seller("Records.deal.Read.All", "Records.deal.Create")];
        var dryRun = await InstallAsync(host, next, dryRun: true);
        Assert.True(dryRun.Succeeded, string.Join("; ", dryRun.Errors));
        Assert.Equal("entities/deal updated; roles/seller kept; views/deal.big conflict; views/deal.open updated; views/deal.old removed", States(dryRun));
        Assert.Contains(dryRun.Applied.Sql, s => s.Contains("stage", StringComparison.OrdinalIgnoreCase));
        var conflict = dryRun.Items.Single(i => i.State == AppPackageItemStates.Conflict);
        Assert.Contains("\"amount\"", conflict.Theirs.Single().Content, StringComparison.Ordinal);
        Assert.DoesNotContain("\"amount\"", conflict.Mine.Single().Content, StringComparison.Ordinal);
        Assert.Equal(["title"], (await ViewsAsync(host))["open"].Columns); // a dry run changes nothing

        var upgraded = await InstallAsync(host, next);
        Assert.True(upgraded.Succeeded, string.Join("; ", upgraded.Errors));
        Assert.Equal(("1.0.0", "1.1.0"), (upgraded.FromVersion, upgraded.ToVersion));
        var views = await ViewsAsync(host);
        Assert.Equal(["title", "stage"], views["open"].Columns);
        Assert.Equal(["title"], views["big"].Columns); // changed on both sides: kept until someone chooses
        Assert.True(views.ContainsKey("old")); // no longer in the package, still here
        Assert.DoesNotContain("Records.deal.Create", (await SellerAsync(host)).Permissions);
        var schema = await host.InScopeAsync(s => s.GetRequiredService<Platform.Records.ISchemaManager>().LoadSchemaAsync());
        Assert.NotNull(schema.Find("deal")!.Field("stage"));

        // Asked again, the conflict is still there; taking the package's ends it.
        Assert.Equal("views/deal.big conflict", string.Join("; ", (await InstallAsync(host, next)).Items.Where(i => i.State != AppPackageItemStates.Unchanged && i.State != AppPackageItemStates.Kept).Select(i => $"{i.Item} {i.State}")));
        var taken = await InstallAsync(host, next, choices: new() { ["views/deal.big"] = AppPackageResolutions.Theirs });
        Assert.Contains("views/deal.big taken", States(taken), StringComparison.Ordinal);
        Assert.Equal(["title", "amount", "stage"], (await ViewsAsync(host))["big"].Columns);
        var settled = await InstallAsync(host, next);
        Assert.Equal("entities/deal unchanged; roles/seller kept; views/deal.big unchanged; views/deal.open unchanged", States(settled));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_older_version_a_missing_dependency_or_a_broken_manifest_is_refused_with_nothing_applied(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await InstallAsync(host, [Manifest("1.2.0"), Deal()])).Succeeded);

        var older = await InstallAsync(host, [Manifest("1.1.9"), Deal("stage")]);
        var error = Assert.Single(older.Errors);
        Assert.Equal("package.json: $.version", error.Path);
        Assert.Contains("1.2.0", error.Message, StringComparison.Ordinal);

        AppPackageFile Addon(string needs) => new("package.json", $$"""{ "name": "addon", "version": "1.0.0", "dependencies": { "base": "{{needs}}" } }""");
        AppPackageFile Extra() => new("entities/extra.json", """{ "name": "extra", "label": { "zh-CN": "附加", "en": "Extra" }, "fields": [ { "name": "title", "type": "text", "label": { "en": "Title" } } ] }""");
        var missing = await InstallAsync(host, [Addon("2.0.0"), Extra()]);
        Assert.Equal("package.json: $.dependencies.base", Assert.Single(missing.Errors).Path);
        Assert.True((await InstallAsync(host, [new AppPackageFile("package.json", """{ "name": "base", "version": "1.5.0" }""")])).Succeeded);
        var tooOld = await InstallAsync(host, [Addon("2.0.0"), Extra()]);
        Assert.Contains("1.5.0", Assert.Single(tooOld.Errors).Message, StringComparison.Ordinal);
        var broken = await InstallAsync(host, [new AppPackageFile("package.json", """{ "name": "addon", "version": "one" }"""), Extra()]);
        Assert.Equal("package.json: $.version", Assert.Single(broken.Errors).Path);

        var schema = await host.InScopeAsync(s => s.GetRequiredService<Platform.Records.ISchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("deal")!.Field("stage"));
        Assert.Null(schema.Find("extra"));
        Assert.True((await InstallAsync(host, [Addon("1.5"), Extra()])).Succeeded);
    }
}
