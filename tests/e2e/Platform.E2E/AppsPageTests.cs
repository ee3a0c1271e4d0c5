using System.IO.Compression;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// An app built in the designer leaves one platform from its apps page as a zip and is installed on a second, empty platform from
/// that page: a dry run first (what it creates, the SQL), installed only when confirmed; a zip that reaches outside its folder is
/// refused naming the file.
/// </summary>
public sealed class AppsPageTests
{
    [SkippableFact]
    public async Task An_app_built_in_the_designer_is_exported_from_one_platform_and_installed_on_an_empty_one()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var first = await HostProcess.StartAsync();
        await using var second = await HostProcess.StartAsync();
        await using var designer = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var browser = designer;
        var page = browser.Page;

        // An analyst designs a small app: one entity for site visits.
        await SignInAsync(browser, first, "/designer/new");
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "entity-name", "site_visit");
        await TypeAsync(page, "entity-label-zh", "拜访");
        await TypeAsync(page, "entity-label-en", "Site visit");
        await DesignerTests.AddFieldAsync(page, "place", "地点", null);
        await DesignerTests.AddFieldAsync(page, "note", "备注", null);
        await DesignerTests.SaveAndApplyAsync(page, "CREATE TABLE");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/designer/site_visit$"));

        // …and exports it from the apps page, entities and roles only.
        await page.GotoAsync(first.BaseUrl + "/apps");
        await browser.WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("apps-none")).ToBeVisibleAsync();
        await TypeAsync(page, "apps-export-name", "Visits");
        await Assertions.Expect(page.GetByTestId("apps-export-problem")).ToContainTextAsync("小写字母");
        await TypeAsync(page, "apps-export-name", "visits");
        await TypeAsync(page, "apps-export-version", "1.0.0");
        foreach (var kind in new[] { "views", "menus", "reports", "dashboards", "print", "ocr", "workflows" })
        {
            await page.Locator($"[data-testid=apps-export-kind][data-kind={kind}]").UncheckAsync();
        }

        await browser.ScreenshotAsync("apps-export-zh");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("apps-export-download").ClickAsync());
        Assert.Equal("visits-1.0.0.zip", download.SuggestedFilename);
        var zip = Path.Combine(Path.GetTempPath(), $"visits-{Guid.NewGuid():N}.zip");
        await download.SaveAsAsync(zip);
        using (var archive = ZipFile.OpenRead(zip))
        {
            Assert.Contains("entities/site_visit.json", archive.Entries.Select(e => e.FullName));
            Assert.DoesNotContain(archive.Entries, e => e.FullName.StartsWith("views/", StringComparison.Ordinal));
        }

        // On the second, empty platform (another person's browser), in English: the dry run says what will happen; nothing is there until confirmed.
        await using var other = await BrowserSession.OpenAsync("en", 1400, 900);
        browser = other;
        page = other.Page;
        await SignInAsync(other, second, "/apps", "en");
        await ChooseFilesAsync(page, "apps-upload", zip);
        await Assertions.Expect(page.GetByTestId("apps-plan-title")).ToContainTextAsync("Installing visits 1.0.0 will:");
        await Assertions.Expect(page.Locator("[data-testid=apps-state][data-state=new]")).ToContainTextAsync("entities/site_visit");
        await page.GetByTestId("apps-sql").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-sql")).ToContainTextAsync("CREATE TABLE");
        await browser.ScreenshotAsync("apps-dry-run-en");
        await Assertions.Expect(page.GetByTestId("apps-none")).ToBeVisibleAsync();
        await page.GetByTestId("apps-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-done")).ToContainTextAsync("visits 1.0.0 is installed");
        var row = page.Locator("[data-testid=app-row][data-app=visits]");
        await Assertions.Expect(row.GetByTestId("app-version")).ToHaveTextAsync("1.0.0");
        await Assertions.Expect(row.GetByTestId("app-items")).ToContainTextAsync("0 changed here");

        // The app works there: its form takes a visit.
        await page.GotoAsync(second.BaseUrl + "/records/site_visit/new");
        await browser.WaitUntilInteractiveAsync();
        await TypeAsync(page, "field-place", "Hangzhou");
        await page.GetByTestId("record-save").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/records/site_visit/[0-9a-f-]{36}$"));

        // A zip with a path leaving its folder is refused, naming the file and the path; nothing changes.
        await page.GotoAsync(second.BaseUrl + "/apps");
        await browser.WaitUntilInteractiveAsync();
        await ChooseFileAsync(page, page.GetByTestId("apps-upload"), new FilePayload { Name = "evil.zip", MimeType = "application/zip", Buffer = EscapingZip() });
        await Assertions.Expect(page.GetByTestId("apps-problems")).ToContainTextAsync("evil.zip");
        await Assertions.Expect(page.GetByTestId("apps-problems")).ToContainTextAsync("../escape.json");
        await Assertions.Expect(page.GetByTestId("apps-plan")).ToHaveCountAsync(0);
        File.Delete(zip);

        // Before going, the app is exported with its records: the visit goes in as sample data.
        await TypeAsync(page, "apps-export-name", "visits");
        await page.GetByTestId("apps-export-records").CheckAsync();
        var withRecords = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("apps-export-download").ClickAsync());
        var saved = Path.Combine(Path.GetTempPath(), $"visits-records-{Guid.NewGuid():N}.zip");
        await withRecords.SaveAsAsync(saved);
        using (var archive = ZipFile.OpenRead(saved))
        {
            Assert.Contains(archive.Entries, e => e.FullName == "sample-data/01-site_visit.json");
        }

        // Uninstalling it: the visit taken above stands in the way until its removal is chosen and the app's name typed.
        await page.Locator("[data-testid=app-row][data-app=visits]").GetByTestId("app-uninstall").ClickAsync();
        var uninstall = page.GetByTestId("apps-uninstall");
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-data")).ToContainTextAsync("Site visit (site_visit): 1 record(s)");
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-confirm")).ToBeDisabledAsync();
        await uninstall.GetByTestId("apps-remove-data").CheckAsync();
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-removes")).ToContainTextAsync("entity site_visit");
        await uninstall.GetByTestId("apps-uninstall-sql").Locator("summary").ClickAsync();
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-sql")).ToContainTextAsync("DROP TABLE");
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-confirm")).ToBeDisabledAsync();
        await TypeAsync(page, "apps-uninstall-name", "visit");
        await Assertions.Expect(uninstall.GetByTestId("apps-uninstall-confirm")).ToBeDisabledAsync();
        await TypeAsync(page, "apps-uninstall-name", "visits");
        await browser.ScreenshotAsync("apps-uninstall-en");
        await uninstall.GetByTestId("apps-uninstall-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-done")).ToContainTextAsync("visits 1.0.0 is uninstalled");
        await Assertions.Expect(page.GetByTestId("apps-none")).ToBeVisibleAsync();
        using var api = await AdminApiAsync(second);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync("/api/metadata/entities/site_visit")).StatusCode);

        // Installed again from the export with its records, and its sample records loaded: the visit is back.
        await ChooseFilesAsync(page, "apps-upload", saved);
        await page.GetByTestId("apps-load-samples").CheckAsync();
        await page.GetByTestId("apps-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-done")).ToContainTextAsync("1 sample records loaded");
        var visits = await api.GetStringAsync("/odata/site_visit");
        Assert.Contains("Hangzhou", visits, StringComparison.Ordinal);
        File.Delete(saved);
    }

    [SkippableFact]
    public async Task An_upgrade_shows_what_was_changed_on_both_sides_and_takes_the_packages_when_chosen()
    {
        BrowserSession.SkipUnlessAvailable();
        await using var host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Samples));
        var api = await AdminApiAsync(host);

        // Here, an analyst adds a field to the customer; version 1.1.0 of the package adds another and changes the open orders' view.
        var customer = JsonNode.Parse(await api.GetStringAsync("/api/metadata/entities/customer"))!.AsObject();
        customer["fields"]!.AsArray().Add(JsonNode.Parse("""{ "name": "wechat", "type": "text", "label": { "zh-CN": "微信", "en": "WeChat" } }"""));
        using (var put = await api.PutAsync("/api/metadata/entities/customer", new StringContent(customer.ToJsonString(), System.Text.Encoding.UTF8, "application/json")))
        {
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        }

        var zip = Path.Combine(Path.GetTempPath(), $"samples-{Guid.NewGuid():N}.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            foreach (var file in Directory.EnumerateFiles(Samples, "*", SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(Samples, file).Replace('\\', '/');
                var text = File.ReadAllText(file);
                if (path == "package.json")
                {
                    text = text.Replace("\"1.0.0\"", "\"1.1.0\"", StringComparison.Ordinal);
                }
                else if (path == "entities/customer.json")
                {
                    var node = JsonNode.Parse(text)!;
                    node["fields"]!.AsArray().Add(JsonNode.Parse("""{ "name": "rating", "type": "text", "label": { "zh-CN": "评级", "en": "Rating" } }"""));
                    text = node.ToJsonString();
                }
                else if (path == "views/sales_order.open.json")
                {
                    var node = JsonNode.Parse(text)!;
                    node["labels"]!["en"] = "Orders in progress";
                    text = node.ToJsonString();
                }

                using var entry = new StreamWriter(archive.CreateEntry(path).Open());
                entry.Write(text);
            }
        }

        await using var browser = await BrowserSession.OpenAsync("zh-CN", 1400, 900);
        var page = browser.Page;
        await SignInAsync(browser, host, "/apps", "zh-CN");
        await Assertions.Expect(page.Locator("[data-testid=app-row][data-app=samples]").GetByTestId("app-version")).ToHaveTextAsync("1.0.0");
        await page.Locator("[data-testid=app-row][data-app=samples]").GetByTestId("app-items").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=app-row][data-app=samples] li[data-item='entities/customer']")).ToContainTextAsync("此处已修改");

        await ChooseFilesAsync(page, "apps-upload", zip);
        await Assertions.Expect(page.GetByTestId("apps-plan-title")).ToContainTextAsync("将 samples 从 1.0.0 升级到 1.1.0");
        await Assertions.Expect(page.Locator("[data-testid=apps-state][data-state=updated]")).ToContainTextAsync("views/sales_order.open");
        var conflict = page.Locator("[data-testid=apps-conflict][data-item='entities/customer']");
        await conflict.GetByTestId("apps-difference").Locator("summary").ClickAsync();
        // The difference, line by line, whatever the package's formatting: the field added here on one side, the package's on the other.
        await Assertions.Expect(conflict.Locator("[data-side='-']").Filter(new() { HasText = "\"wechat\"" }).First).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("[data-side='+']").Filter(new() { HasText = "\"rating\"" }).First).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("[data-side='+']").Filter(new() { HasText = "评级" }).First).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("[data-side='+']").Filter(new() { HasText = "\"grade\"" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("apps-sql")).ToHaveCountAsync(0); // kept as it is here: no change to the table
        await conflict.GetByTestId("apps-take-theirs").CheckAsync();
        // Taking the package's customer changes what installing does: the dry run is done again, now with the new column.
        await page.GetByTestId("apps-sql").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-sql")).ToContainTextAsync("f_rating");
        await Assertions.Expect(page.Locator("[data-testid=apps-state][data-state=taken]")).ToHaveCountAsync(0); // still shown as the conflict it is
        // Long descriptions and differences wrap: the page never needs scrolling sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        await browser.ScreenshotAsync("apps-conflict-zh");
        await page.GetByTestId("apps-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("apps-done")).ToContainTextAsync("samples 1.1.0 已安装");
        await Assertions.Expect(page.Locator("[data-testid=app-row][data-app=samples]").GetByTestId("app-version")).ToHaveTextAsync("1.1.0");

        // The package's customer was taken: its new field is there, the one added here is hidden (its data kept), the view is renamed.
        var upgraded = JsonNode.Parse(await api.GetStringAsync("/api/metadata/entities/customer"))!["fields"]!.AsArray();
        Assert.Contains(upgraded, f => f!["name"]!.GetValue<string>() == "rating");
        Assert.DoesNotContain(upgraded, f => f!["name"]!.GetValue<string>() == "wechat" && f["removed"]?.GetValue<bool>() != true);
        File.Delete(zip);
    }

    private static byte[] EscapingZip()
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, text) in new[] { ("package.json", """{ "name": "evil", "version": "1.0.0" }"""), ("../escape.json", "{}") })
            {
                using var entry = new StreamWriter(archive.CreateEntry(path).Open());
                entry.Write(text);
            }
        }

        return buffer.ToArray();
    }
}
