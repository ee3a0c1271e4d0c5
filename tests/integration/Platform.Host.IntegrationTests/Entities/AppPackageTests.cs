using Microsoft.Extensions.DependencyInjection;
using Platform.Cli;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Apps are packages of JSON documents, applied idempotently, all or nothing, and exported back.</summary>
public sealed class AppPackageTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string SamplesFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples");

    private static Task<AppPackageReport> ApplyAsync(PlatformHost host, IReadOnlyList<AppPackageFile> files) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(files, "admin"));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_sample_package_applies_once_and_again_changes_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder);

        var first = await ApplyAsync(host, files);
        var second = await ApplyAsync(host, files);

        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(["contact", "customer", "menu menus/sales.json", "product", "role Sales director", "role Sales manager", "role Salesperson", "sales_order", "sales_order_line", "view views/sales_order.large.json", "view views/sales_order.open.json", "workflow sales_order_approval"],
            first.Created.Order(StringComparer.Ordinal));
        Assert.Empty(second.Created);
        Assert.Empty(second.Changed);
        Assert.Equal(12, second.Unchanged.Count);
        Assert.Single(await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().HistoryAsync("customer")));
        // The package's views are shared: everyone sees them, in their language.
        var views = await host.Services.GetRequiredService<Platform.RecordPages.Views.SavedViews>().ListAsync("sales_order", "anyone");
        Assert.Equal(["5 万元以上的订单", "进行中的订单"], views.Select(v => v.Definition.LabelFor("zh-CN")).Order(StringComparer.Ordinal));
        Assert.Contains("Open orders", views.Select(v => v.Definition.LabelFor("en")));
        Assert.All(views, v => Assert.True(v.Shared));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_sample_packages_menu_becomes_a_menu_group_of_its_lists_in_both_languages(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await ApplyAsync(host, AppPackageFolder.Read(SamplesFolder))).Succeeded);

        var sales = await host.InScopeAsync(async s =>
        {
            var items = await s.GetRequiredService<Platform.Abstractions.Navigation.INavigationSource>().GetItemsAsync();
            return items.Single(i => i.TextFor("zh-CN") == "销售");
        });

        Assert.Equal("Sales", sales.TextFor("en"));
        Assert.Equal(["客户", "联系人", "产品", "销售订单", "进行中的订单"], sales.Children.Select(c => c.TextFor("zh-CN")));
        Assert.Equal("/records/customer", sales.Children[0].Href);
        var views = await host.Services.GetRequiredService<Platform.RecordPages.Views.SavedViews>().ListAsync("sales_order", "anyone");
        var open = views.Single(v => v.Definition.LabelFor("en") == "Open orders");
        Assert.Equal($"/records/sales_order?view={open.Id}", sales.Children[4].Href);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_menu_naming_a_missing_entity_or_view_refuses_the_package_and_names_the_place(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder)
            .Append(new AppPackageFile("menus/broken.json", """{ "label": { "en": "Broken" }, "items": [ { "entity": "ghost" }, { "entity": "customer", "view": "views/none.json" } ] }""")).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Path == "menus/broken.json: $.items[0].entity");
        Assert.Contains(report.Errors, e => e.Path == "menus/broken.json: $.items[1].view");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Views_and_menus_with_nulls_where_lists_belong_are_refused_by_place_not_crashed_on(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var samples = AppPackageFolder.Read(SamplesFolder);

        var view = await ApplyAsync(host, [.. samples, new AppPackageFile("views/customer.nulls.json", """{ "entity": "customer", "label": "空", "columns": null, "conditions": [ null ] }""")]);
        var menus = await ApplyAsync(host, [.. samples,
            new AppPackageFile("menus/nulls.json", """{ "label": { "en": "Nulls" }, "items": [ null, { "entity": null } ] }"""),
            new AppPackageFile("menus/nothing.json", """{ "label": null, "items": null }""")]);

        Assert.Equal(["views/customer.nulls.json"], view.Errors.Select(e => e.Path));
        Assert.Contains("empty", view.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(["menus/nothing.json: $.label", "menus/nulls.json: $.items[0]", "menus/nulls.json: $.items[1].entity"], menus.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_view_naming_a_missing_field_refuses_the_package_and_names_the_file(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder)
            .Append(new AppPackageFile("views/customer.vip.json", """{ "entity": "customer", "label": "VIP", "conditions": [ { "field": "vip", "operator": "eq", "value": "true" } ] }""")).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Path == "views/customer.vip.json" && e.Message.Contains("vip", StringComparison.Ordinal));
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("customer"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_brings_the_roles_its_approval_needs_and_leaves_them_as_administrators_change_them(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder);
        await host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin"));
        async Task<Platform.Identity.Models.RoleEdit> RoleAsync(string name) =>
            (await host.InScopeAsync(s => s.GetRequiredService<Platform.Identity.Services.RoleAdministration>().ListAsync())).Single(r => r.Name == name);

        var manager = await RoleAsync("Sales manager");
        Assert.Contains("Records.sales_order.Read.All", manager.Permissions);
        // An administrator takes a permission away; the package applied again (as at every start) gives it not back.
        manager.Permissions.Remove("Records.contact.Read.All");
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<Platform.Identity.Services.RoleAdministration>().SaveAsync(manager))).Succeeded);
        var again = await host.InScopeAsync(s => s.GetRequiredService<AppPackageInstaller>().InstallAsync(files, "admin"));

        Assert.Contains(again.Items, i => i.Item == "roles/sales_manager" && i.State == AppPackageItemStates.Kept);
        Assert.DoesNotContain("Records.contact.Read.All", (await RoleAsync("Sales manager")).Permissions);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_document_fulfilling_what_is_neither_a_submittable_document_nor_its_lines_refuses_the_package(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var inventory = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "inventory");
        // The delivery note's order lines become lines of a plain (not submittable, reserving nothing) order.
        static string Plain(string json)
        {
            var order = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            order["submittable"] = false;
            order.Remove("stock");
            return order.ToJsonString();
        }

        var files = AppPackageFolder.Read(inventory).Select(f => f.Path == "entities/customer_order.json" ? f with { Content = Plain(f.Content) } : f).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Message.Contains("customer_order_line is neither a submittable document nor the lines of one", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Message.Contains("payment_entry: customer_order is neither a submittable document nor the lines of one", StringComparison.Ordinal));
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("delivery_note"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Stock_documents_pointing_at_warehouses_that_are_not_declared_as_such_refuse_the_package(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var inventory = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "inventory");
        // The warehouse entity loses its part in the ledger: every document moving stock in or out of one points at nothing.
        static string Plain(string json)
        {
            var warehouse = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
            warehouse.Remove("stock");
            return warehouse.ToJsonString();
        }

        var files = AppPackageFolder.Read(inventory).Select(f => f.Path == "entities/warehouse.json" ? f with { Content = Plain(f.Content) } : f).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Message == "delivery_note stock.postings[0]: the warehouse 'record.warehouse' is not a lookup to an entity declaring stock.warehouse.");
        Assert.Contains(report.Errors, e => e.Message.StartsWith("customer_order stock.reserves: the warehouse", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Message.StartsWith("item stock.item.reorder: the warehouse 'warehouse'", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Errors, e => e.Message.Contains("the item", StringComparison.Ordinal));
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("delivery_note"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_role_granting_an_unknown_permission_refuses_the_package_and_names_the_file(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder)
            .Append(new AppPackageFile("roles/auditor.json", """{ "name": "Auditor", "permissions": ["Records.invoice.Read.All"] }""")).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Equal("roles/auditor.json: $.permissions", Assert.Single(report.Errors).Path);
        Assert.Null(await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync()).ContinueWith(t => t.Result.Find("customer")));
        Assert.DoesNotContain(await host.InScopeAsync(s => s.GetRequiredService<Platform.Identity.Services.RoleAdministration>().ListAsync()), r => r.Name == "Sales manager");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_with_one_bad_document_applies_nothing_and_names_the_file(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder).Append(new AppPackageFile("entities/broken.json", """{ "name": "broken", "fields": [ { "name": "x", "type": "nope" } ] }""")).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.Path == "entities/broken.json: $.fields[0].type");
        Assert.Contains(report.Errors, e => e.Path == "entities/broken.json: $.label");
        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("customer"));
        Assert.Null(schema.Find("broken"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_the_database_refuses_half_way_leaves_no_entity_behind(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var actor = new Actor("u1", "admin");
        foreach (var code in new[] { "P-1", "P-2" })
        {
            await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = code, ["name"] = "同名" }, actor));
        }

        var alpha = EntitySamples.Product();
        alpha.Name = "alpha"; // applied first (files go in path order) and must vanish with the failure
        var product = EntitySamples.Product();
        product.Field("name")!.Unique = true; // the database refuses: two products share a name
        var files = new[] { alpha, product }.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList();

        var report = await ApplyAsync(host, files);

        Assert.False(report.Succeeded);
        Assert.StartsWith("entities/product.json", report.Errors.Single().Path, StringComparison.Ordinal);
        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("alpha"));
        Assert.False(schema.Find("product")!.Field("name")!.Unique);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Configured_package_folders_and_module_packages_are_applied_at_start_up(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", SamplesFolder));

        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());

        Assert.NotNull(schema.Find("sales_order"));
        Assert.NotNull(schema.Find("thing")); // shipped by the sample module
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_cli_applies_and_exports_packages_that_round_trip(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var target = host.Database.Settings().Select(s => $"--{s.Key}={s.Value}").ToArray();
        var export = Path.Combine(host.Database.DataDirectory, "export");
        var output = new StringWriter();
        var error = new StringWriter();

        var applied = await CliApplication.RunAsync(["package", "apply", SamplesFolder, .. target], output, error);
        var exported = await CliApplication.RunAsync(["package", "export", export, "--name", "crm", .. target], output, error);
        var reapplied = await CliApplication.RunAsync(["package", "apply", export, .. target], output, error);

        Assert.True(applied == 0 && exported == 0 && reapplied == 0, error.ToString());
        Assert.Contains("created contact, customer, product, sales_order, sales_order_line", output.ToString(), StringComparison.Ordinal);
        // The modules' parts of the package too, as the host applies them: views, menus, workflows.
        Assert.Contains("view views/sales_order.open.json", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("menu menus/sales.json", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("workflow sales_order_approval", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("unchanged contact, customer, product, sales_order, sales_order_line", output.ToString(), StringComparison.Ordinal);
        var customer = MetadataJson.Read(File.ReadAllText(Path.Combine(export, "entities", "customer.json")));
        Assert.Equal("e_customer", customer.Table);
        Assert.Equal("客户", customer.Label["zh-CN"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_cli_installs_every_part_of_an_app_after_a_dry_run_that_changes_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var target = host.Database.Settings().Select(s => $"--{s.Key}={s.Value}").ToArray();
        var crm = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "crm");
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await CliApplication.RunAsync(["package", "apply", crm, "--dry-run", .. target], output, error));
        Assert.Contains("Dry run, nothing changed", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE", output.ToString(), StringComparison.Ordinal);
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("customer"));

        output.GetStringBuilder().Clear();
        Assert.Equal(0, await CliApplication.RunAsync(["package", "apply", crm, .. target], output, error));
        // The parts of the reports, printing and scanning modules too, as the host applies them.
        foreach (var part in new[] { "(crm not installed → 1.0.0)", "report reports/revenue_by_month.json", "dashboard dashboards/sales.json", "print print/quote.json", "role CRM salesperson" })
        {
            Assert.Contains(part, output.ToString(), StringComparison.Ordinal);
        }

        // With its samples loaded, it exports with its records and a version of its own.
        Assert.Equal(0, await CliApplication.RunAsync(["package", "samples", crm, .. target], output, error));
        var export = Path.Combine(host.Database.DataDirectory, "crm-export");
        Assert.Equal(0, await CliApplication.RunAsync(["package", "export", export, "--name", "crm", "--version", "1.2.0", "--records", .. target], output, error));
        Assert.Contains("\"version\": \"1.2.0\"", File.ReadAllText(Path.Combine(export, "package.json")), StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(export, "sample-data"), "*-customer.json"));

        // Uninstalling: refused while it has records, and removing them needs the name confirmed; then it is gone.
        error.GetStringBuilder().Clear();
        Assert.Equal(CliApplication.Failed, await CliApplication.RunAsync(["package", "uninstall", "crm", .. target], output, error));
        Assert.Contains("customer:", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(CliApplication.Failed, await CliApplication.RunAsync(["package", "uninstall", "crm", "--remove-data", .. target], output, error));
        Assert.Contains("--confirm crm", error.ToString(), StringComparison.Ordinal);
        Assert.NotNull((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("customer"));
        output.GetStringBuilder().Clear();
        Assert.Equal(0, await CliApplication.RunAsync(["package", "uninstall", "crm", "--remove-data", "--confirm", "crm", .. target], output, error));
        Assert.Contains("Uninstalled crm 1.0.0", output.ToString(), StringComparison.Ordinal);
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("customer"));
    }

    [Fact]
    public async Task The_cli_refuses_a_missing_folder_or_a_bad_package_with_the_problems()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var target = database.Settings().Select(s => $"--{s.Key}={s.Value}").ToArray();
        var bad = Path.Combine(database.DataDirectory, "bad");
        AppPackageFolder.Write(bad, [new AppPackageFile("entities/x.json", "{ \"name\": \"x\", \"fields\": [ ")]);
        var error = new StringWriter();

        var missing = await CliApplication.RunAsync(["package", "apply", "/no/such/folder", .. target], TextWriter.Null, error);
        var broken = await CliApplication.RunAsync(["package", "apply", bad, .. target], TextWriter.Null, error);

        var escaping = Path.Combine(database.DataDirectory, "escaping.zip");
        using (var zip = System.IO.Compression.ZipFile.Open(escaping, System.IO.Compression.ZipArchiveMode.Create))
        {
            using (var manifest = new StreamWriter(zip.CreateEntry("package.json").Open()))
            {
                manifest.Write("{ \"name\": \"escaping\" }");
            }

            zip.CreateEntry("../outside.json");
        }

        var escaped = await CliApplication.RunAsync(["package", "apply", escaping, .. target], TextWriter.Null, error);

        Assert.Equal(1, missing);
        Assert.Equal(1, broken);
        Assert.Equal(1, escaped);
        Assert.Contains("escaping.zip holds '../outside.json'", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("There is no package folder", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("entities/x.json", error.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_sample_sales_order_takes_prices_from_its_products_and_totals_its_lines(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Packages:0", SamplesFolder));
        var sales = new Actor("u-sales", "sales", Access: new RecordAccess(true, []), Roles: ["Sales"]);
        Task<RecordResult> Create(string entity, Dictionary<string, object?> values) =>
            host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, values, sales));
        var customer = (await Create("customer", new() { ["name"] = "上海羊毛衫贸易" })).Record!;
        var sweater = await Create("product", new() { ["code"] = "WS-01", ["name"] = "羊毛衫", ["price"] = 199.9m });
        Assert.True(sweater.Succeeded, string.Join("; ", sweater.Errors));

        var order = await Create("sales_order", new()
        {
            ["customer"] = customer["id"],
            ["discount"] = 0.1m,
            ["lines"] = new[] { new Dictionary<string, object?> { ["product"] = sweater.Record!["id"], ["quantity"] = 3m } },
        });
        var tooGenerous = await Create("sales_order", new()
        {
            ["customer"] = customer["id"], ["discount"] = 0.3m,
            ["lines"] = new[] { new Dictionary<string, object?> { ["product"] = sweater.Record!["id"], ["quantity"] = 1m } },
        });

        Assert.True(order.Succeeded, string.Join("; ", order.Errors));
        var line = LineItemTests.Lines(order.Record!).Single();
        Assert.Equal((199.9m, 599.7m), ((decimal)line["unitPrice"]!, (decimal)line["amount"]!));
        Assert.Equal(539.73m, order.Record!["total"]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), order.Record!["orderDate"]);
        Assert.StartsWith("SO-", (string)order.Record!["orderNumber"]!, StringComparison.Ordinal);
        Assert.Equal("discount", tooGenerous.Errors.Single().Field);
    }
}
