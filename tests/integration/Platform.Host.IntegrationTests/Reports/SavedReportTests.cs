using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Reports;

/// <summary>
/// Saved reports: a person's own and shared ones (sharing needs Reports.Share), reports app packages bring (applied twice, nothing
/// changes; a broken file is named), a report whose field was deleted since is listed with its problem and refused when run (409,
/// never a 500), a dashboard's filters narrow a saved report, and a KPI compares with the previous period and the same one last year.
/// </summary>
public sealed class SavedReportTests
{
    private const string Password = "Report-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Deal(bool withQuantity = true) => $$"""
        { "name": "deal", "label": { "zh-CN": "商机", "en": "Deal" }, "titleField": "title",
          "fields": [
            { "name": "title", "type": "text", "label": { "zh-CN": "标题", "en": "Title" }, "required": true },
            { "name": "region", "type": "choice", "label": { "zh-CN": "区域", "en": "Region" },
              "choices": [ { "value": "east", "label": { "zh-CN": "华东", "en": "East" } }, { "value": "north", "label": { "zh-CN": "华北", "en": "North" } } ] },
            { "name": "amount", "type": "money", "label": { "zh-CN": "金额", "en": "Amount" } },
            {{(withQuantity ? """{ "name": "quantity", "type": "integer", "label": { "zh-CN": "数量", "en": "Quantity" } },""" : "")}}
            { "name": "closeDate", "type": "date", "label": { "zh-CN": "成交日期", "en": "Close date" } }
          ] }
        """;

    private const string ByRegion = """
        { "entity": "deal", "labels": { "zh-CN": "各区域收入", "en": "Revenue by region" }, "display": "chart", "chart": "bar",
          "groups": [ { "field": "region" } ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" }, { "name": "pieces", "function": "sum", "field": "quantity" } ] }
        """;

    private static async Task<(PlatformHost Host, HttpClient Admin, HttpClient Seller)> OpenAsync(string provider, params AppPackageFile[] more)
    {
        var host = await PlatformHost.StartAsync(provider);
        var applied = await ApplyAsync(host, [new AppPackageFile("entities/deal.json", Deal()), .. more]);
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        await Accounts.CreateRoleAsync(host, "Seller", "Records.deal.Create", "Records.deal.Read.Own");
        await Accounts.CreateUserAsync(host, "xiaoli", Password, "Seller");
        var admin = await host.CreateAdminClientAsync();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        var month = new DateOnly(today.Year, today.Month, 1);
        foreach (var (title, region, amount, day) in new[]
        {
            ("d1", "east", 100m, month), ("d2", "north", 300m, month), ("d3", "east", 40m, month.AddMonths(-1)), ("d4", "east", 25m, month.AddYears(-1)),
        })
        {
            await ODataRecords.CreateAsync(admin, "deal", $$"""{ "title": "{{title}}", "region": "{{region}}", "amount": {{amount}}, "quantity": 1, "closeDate": "{{day:yyyy-MM-dd}}" }""");
        }

        var seller = await host.CreateClientForAsync("xiaoli", Password);
        await ODataRecords.CreateAsync(seller, "deal", $$"""{ "title": "s1", "region": "north", "amount": 7, "quantity": 2, "closeDate": "{{month:yyyy-MM-dd}}" }""");
        return (host, admin, seller);
    }

    private static Task<AppPackageReport> ApplyAsync(PlatformHost host, IReadOnlyList<AppPackageFile> files) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(files, "admin"));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_report_is_saved_as_ones_own_or_shared_listed_to_who_may_see_it_run_changed_and_deleted(string provider)
    {
        var (host, admin, seller) = await OpenAsync(provider);
        await using var _ = host;

        // The seller keeps a report of their own; sharing it needs Reports.Share.
        var (refused, refusal) = await SendAsync(seller, HttpMethod.Post, "/api/reports", $$"""{ "definition": {{ByRegion}}, "shared": true }""");
        Assert.True(HttpStatusCode.Forbidden == refused, refusal);
        var mine = await CreatedAsync(seller, $$"""{ "definition": {{ByRegion}} }""");
        var shared = await CreatedAsync(admin, $$"""{ "definition": {{ByRegion.Replace("各区域收入", "全公司各区域收入", StringComparison.Ordinal)}}, "shared": true }""");

        Assert.Equal(["全公司各区域收入 shared", "各区域收入 mine"], await ListAsync(seller));
        Assert.Equal(["全公司各区域收入 shared"], await ListAsync(admin));

        // Run as the seller, a shared report still counts only what they may read: their own deal.
        var (status, body) = await SendAsync(seller, HttpMethod.Post, $"/api/reports/{shared}/run");
        Assert.True(HttpStatusCode.OK == status, body);
        Assert.Equal("7 2", Figures(JsonDocument.Parse(body).RootElement.GetProperty("totals")));
        (status, body) = await SendAsync(admin, HttpMethod.Post, $"/api/reports/{shared}/run");
        Assert.Equal("472 6", Figures(JsonDocument.Parse(body).RootElement.GetProperty("totals")));

        // Someone else's own report is not there for others, to read, run, change or delete.
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Get, $"/api/reports/{mine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Post, $"/api/reports/{mine}/run")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Put, $"/api/reports/{mine}", $$"""{ "definition": {{ByRegion}} }""")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(seller, HttpMethod.Delete, $"/api/reports/{shared}")).Status);

        // A shared report over deals is not there for someone whose roles read no deals: not listed, not read, run or exported.
        await Accounts.CreateRoleAsync(host, "Outsider");
        await Accounts.CreateUserAsync(host, "outsider", Password, "Outsider");
        using var outsider = await host.CreateClientForAsync("outsider", Password);
        Assert.Empty(await ListAsync(outsider));
        foreach (var (method, url) in new[] { (HttpMethod.Get, $"/api/reports/{shared}"), (HttpMethod.Post, $"/api/reports/{shared}/run"), (HttpMethod.Get, $"/api/reports/{shared}/export.xlsx") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(outsider, method, url)).Status);
        }

        // Changed: a pie of counts; a change that does not fit is refused saying where, and the report stays as it was.
        (status, body) = await SendAsync(seller, HttpMethod.Put, $"/api/reports/{mine}", """
            { "definition": { "entity": "deal", "labels": { "zh-CN": "各区域笔数" }, "display": "chart", "chart": "pie", "groups": [ { "field": "region" } ], "measures": [ { "name": "n", "function": "count" } ] } }
            """);
        Assert.True(HttpStatusCode.OK == status, body);
        (status, body) = await SendAsync(seller, HttpMethod.Put, $"/api/reports/{mine}", """
            { "definition": { "entity": "deal", "labels": { "zh-CN": "坏的" }, "display": "chart", "chart": "donut", "measures": [ { "name": "n", "function": "count" } ] } }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("definition.chart", Error(body).GetProperty("target").GetString());
        Assert.Contains("“donut”不是可用的图表类型", Error(body).GetProperty("message").GetString(), StringComparison.Ordinal);
        (status, body) = await SendAsync(seller, HttpMethod.Get, $"/api/reports/{mine}");
        Assert.Equal("pie", JsonDocument.Parse(body).RootElement.GetProperty("definition").GetProperty("chart").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(seller, HttpMethod.Delete, $"/api/reports/{mine}")).Status);
        Assert.Equal(["全公司各区域收入 shared"], await ListAsync(seller));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Reports_come_with_app_packages_and_a_report_whose_field_was_deleted_is_flagged_not_a_server_error(string provider)
    {
        var (host, admin, _) = await OpenAsync(provider, new AppPackageFile("reports/revenue_by_region.json", ByRegion));
        await using var _ = host;
        Assert.Equal(["各区域收入 shared"], await ListAsync(admin));

        // Applied again, nothing changes; a broken file is named with where in it, and nothing of that package is applied.
        var again = await ApplyAsync(host, [new AppPackageFile("entities/deal.json", Deal()), new AppPackageFile("reports/revenue_by_region.json", ByRegion)]);
        Assert.Contains("report reports/revenue_by_region.json", again.Unchanged);
        var broken = await ApplyAsync(host, [new AppPackageFile("reports/revenue_by_region.json", ByRegion.Replace("\"amount\"", "\"price\"", StringComparison.Ordinal)),
            new AppPackageFile("reports/typo.json", """{ "entity": "deal", "lables": {} }""")]);
        Assert.False(broken.Succeeded);
        Assert.Contains(broken.Errors, e => e.Path == "reports/revenue_by_region.json: $.measures[0].field" && e.Message.Contains("price", StringComparison.Ordinal));
        Assert.Contains(broken.Errors, e => e.Path == "reports/typo.json: $.lables");

        // The quantity field is removed from the entity: the report is listed with its problem, and running it says what to change.
        var removed = await ApplyAsync(host, [new AppPackageFile("entities/deal.json", Deal(withQuantity: false))]);
        Assert.True(removed.Succeeded, string.Join("; ", removed.Errors));
        var (status, body) = await SendAsync(admin, HttpMethod.Get, "/api/reports");
        var listed = JsonDocument.Parse(body).RootElement[0];
        Assert.Equal("measures[1].field", listed.GetProperty("problem").GetProperty("target").GetString());
        Assert.Contains("quantity", listed.GetProperty("problem").GetProperty("message").GetString(), StringComparison.Ordinal);
        (status, body) = await SendAsync(admin, HttpMethod.Post, $"/api/reports/{listed.GetProperty("id").GetGuid()}/run");
        Assert.True(HttpStatusCode.Conflict == status, body);
        Assert.Contains("报表已与其实体不符", Error(body).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("definition.measures[1].field", Error(body).GetProperty("target").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_KPI_compares_with_the_previous_period_and_the_same_period_last_year_and_a_dashboard_narrows_a_report(string provider)
    {
        var (host, admin, _) = await OpenAsync(provider);
        await using var _ = host;
        var kpi = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "本月收入" }, "display": "kpi", "target": 1000,
              "period": { "field": "closeDate", "range": "thisMonth" }, "compare": "previousPeriod", "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        var answer = await RunAsync(admin, kpi);
        Assert.Equal("407", Figures(answer.GetProperty("totals")));
        Assert.Equal("40", Figures(answer.GetProperty("comparison").GetProperty("totals")));

        var yearAgo = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "本月收入（同比）" }, "display": "kpi",
              "period": { "field": "closeDate", "range": "thisMonth" }, "compare": "samePeriodLastYear", "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        answer = await RunAsync(admin, yearAgo);
        Assert.Equal("25", Figures(answer.GetProperty("comparison").GetProperty("totals")));
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        Assert.Equal($"{today.Year - 1}-{today.Month:00}-01", answer.GetProperty("comparedFrom").GetString());

        // A dashboard's filters narrow the report further: its region, and last month in place of this one.
        answer = await RunAsync(admin, kpi, """{ "filter": "region eq 'east'" }""");
        Assert.Equal("100", Figures(answer.GetProperty("totals")));
        answer = await RunAsync(admin, kpi, """{ "period": { "field": "closeDate", "range": "lastMonth" } }""");
        Assert.Equal("40", Figures(answer.GetProperty("totals")));
        var (status, body) = await SendAsync(admin, HttpMethod.Post, $"/api/reports/{kpi}/run", """{ "filter": "colour eq 'red'" }""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("filter", Error(body).GetProperty("target").GetString());

        // A comparison needs a period relative to today.
        (status, body) = await SendAsync(admin, HttpMethod.Post, "/api/reports", """
            { "definition": { "entity": "deal", "labels": { "zh-CN": "x" }, "display": "kpi", "compare": "previousPeriod", "measures": [ { "name": "n", "function": "count" } ] } }
            """);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("definition.compare", Error(body).GetProperty("target").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_pivot_has_its_cells_and_the_totals_of_every_row_and_every_column(string provider)
    {
        var (host, admin, _) = await OpenAsync(provider);
        await using var _ = host;
        var pivot = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "区域 × 年" }, "display": "pivot",
              "groups": [ { "field": "region" } ], "columns": [ { "field": "closeDate", "bucket": "month" } ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        var answer = await RunAsync(admin, pivot);
        var cells = answer.GetProperty("rows").EnumerateArray().Select(r => (Region: r.GetProperty("keys")[0].GetProperty("value").GetString(),
            Month: r.GetProperty("keys")[1].GetProperty("value").GetString(), Revenue: r.GetProperty("values")[0].GetDecimal())).ToList();
        Assert.Equal(4, cells.Count); // east in three months, north (d2 and s1) in one
        var rows = answer.GetProperty("rowTotals").GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("keys")[0].GetProperty("value").GetString()!, r => r.GetProperty("values")[0].GetDecimal());
        Assert.Equal(new Dictionary<string, decimal> { ["east"] = 165m, ["north"] = 307m }, rows);
        foreach (var (region, total) in rows)
        {
            Assert.Equal(total, cells.Where(c => c.Region == region).Sum(c => c.Revenue));
        }

        var columns = answer.GetProperty("columnTotals").GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(3, columns.Count);
        foreach (var column in columns)
        {
            Assert.Equal(column.GetProperty("values")[0].GetDecimal(), cells.Where(c => c.Month == column.GetProperty("keys")[0].GetProperty("value").GetString()).Sum(c => c.Revenue));
        }

        Assert.Equal(472m, answer.GetProperty("totals")[0].GetDecimal());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_pivot_with_two_groups_down_has_the_subtotals_of_the_outer_one_per_row_and_per_cell(string provider)
    {
        var (host, admin, _) = await OpenAsync(provider);
        await using var _ = host;
        var pivot = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "区域 · 商机 × 负责人" }, "display": "pivot",
              "groups": [ { "field": "region" }, { "field": "title" } ], "columns": [ { "field": "ownerId" } ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        var answer = await RunAsync(admin, pivot);
        var subtotal = Assert.Single(answer.GetProperty("subtotals").EnumerateArray());
        Assert.Equal(1, subtotal.GetProperty("depth").GetInt32());
        // East: d1 100, d3 40, d4 25; north: d2 300 (the administrator's) and s1 7 (the seller's).
        Assert.Equal(["east 165", "north 307"], subtotal.GetProperty("rows").GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("keys")[0].GetProperty("value").GetString()} {r.GetProperty("values")[0].GetDecimal():0.##}"));
        Assert.Equal(["east 165", "north 300", "north 7"], subtotal.GetProperty("cells").GetProperty("rows").EnumerateArray()
            .Select(r => $"{r.GetProperty("keys")[0].GetProperty("value").GetString()} {r.GetProperty("values")[0].GetDecimal():0.##}").Order(StringComparer.Ordinal));

        // Each subtotal opens exactly its records.
        foreach (var row in subtotal.GetProperty("rows").GetProperty("rows").EnumerateArray().Concat(subtotal.GetProperty("cells").GetProperty("rows").EnumerateArray()))
        {
            var found = await admin.GetFromJsonAsync<JsonElement>($"/odata/deal?$filter={Uri.EscapeDataString(row.GetProperty("drill").GetString()!)}");
            Assert.Equal(row.GetProperty("values")[0].GetDecimal(), found.GetProperty("value").EnumerateArray().Sum(d => d.GetProperty("amount").GetDecimal()));
        }

        // A single group down has none.
        var flat = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "区域 × 负责人" }, "display": "pivot",
              "groups": [ { "field": "region" } ], "columns": [ { "field": "ownerId" } ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        Assert.False((await RunAsync(admin, flat)).TryGetProperty("subtotals", out var none) && none.ValueKind == JsonValueKind.Array);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_pivot_with_more_columns_than_it_lays_out_lists_the_first_names_how_many_are_left_and_totals_them_all(string provider)
    {
        var (host, admin, _) = await OpenAsync(provider);
        await using var _ = host;
        for (var i = 0; i < 150; i++)
        {
            await ODataRecords.CreateAsync(admin, "deal", $$"""{ "title": "w{{i:000}}", "region": "{{(i % 2 == 0 ? "east" : "north")}}", "amount": 1, "closeDate": "2026-01-01" }""");
        }

        var pivot = await CreatedAsync(admin, """
            { "shared": true, "definition": { "entity": "deal", "labels": { "zh-CN": "区域 × 标题" }, "display": "pivot",
              "groups": [ { "field": "region" } ], "columns": [ { "field": "title" } ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ] } }
            """);
        var answer = await RunAsync(admin, pivot);
        Assert.Equal(55, answer.GetProperty("hiddenColumns").GetInt32()); // 155 titles, 100 laid out
        var shown = answer.GetProperty("columnTotals").GetProperty("rows").EnumerateArray().Select(c => c.GetProperty("keys")[0].GetProperty("value").GetString()).ToList();
        Assert.Equal(100, shown.Count);
        Assert.All(answer.GetProperty("rows").EnumerateArray(), cell => Assert.Contains(cell.GetProperty("keys")[1].GetProperty("value").GetString(), shown));
        Assert.Equal(622m, answer.GetProperty("totals")[0].GetDecimal()); // every deal, those of the columns left out too
        Assert.Equal(622m, answer.GetProperty("rowTotals").GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("values")[0].GetDecimal()));

        // A cell's drill-down names its own records only, shortly.
        var cell = answer.GetProperty("rows").EnumerateArray().First();
        var drill = cell.GetProperty("drill").GetString()!;
        Assert.True(drill.Length < 300, drill);
        var found = await admin.GetFromJsonAsync<JsonElement>($"/odata/deal?$filter={Uri.EscapeDataString(drill)}");
        Assert.Equal(cell.GetProperty("values")[0].GetDecimal(), found.GetProperty("value").EnumerateArray().Sum(d => d.GetProperty("amount").GetDecimal()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_dashboard_is_checked_when_saved_and_shows_only_to_its_roles(string provider)
    {
        var (host, admin, seller) = await OpenAsync(provider, new AppPackageFile("reports/revenue_by_region.json", ByRegion));
        await using var _ = host;
        var report = (await ListReportsAsync(admin)).Single();
        async Task<(HttpStatusCode Status, string Body)> SaveAsync(HttpClient client, string widgets, string more = "") =>
            await SendAsync(client, HttpMethod.Post, "/api/dashboards", $$"""{ "shared": true, "definition": { "labels": { "zh-CN": "看板" }, "widgets": {{widgets}} {{more}} } }""");

        foreach (var (widgets, more, target) in new[]
        {
            ($$"""[ { "report": "{{Guid.NewGuid()}}", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0].report"),
            ("""[ { "report": "reports/nothing.json", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0].report"),
            ($$"""[ { "report": "{{report}}", "x": 8, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0]"),
            ($$"""[ { "report": "{{report}}", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", """, "refreshSeconds": 5""", "definition.refreshSeconds"),
            ($$"""[ { "report": "{{report}}", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", """, "filters": [ "colour" ]""", "definition.filters"),
            ("[]", "", "definition.widgets"),
            ("""[ { "kind": "calendar", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0].kind"),
            ("""[ { "kind": "list", "x": 0, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0].entity"),
            ("""[ { "kind": "tasks", "rows": 0, "x": 0, "y": 0, "w": 6, "h": 2 } ]""", "", "definition.widgets[0].rows"),
        })
        {
            var (status, body) = await SaveAsync(admin, widgets, more);
            Assert.True(status == HttpStatusCode.BadRequest, $"{widgets} {more}: {status} {body}");
            Assert.Equal(target, Error(body).GetProperty("target").GetString());
        }

        var (created, made) = await SaveAsync(admin, $$"""
            [ { "report": "{{report}}", "x": 0, "y": 0, "w": 6, "h": 2 }, { "report": "reports/revenue_by_region.json", "x": 6, "y": 0, "w": 6, "h": 2 },
              { "kind": "list", "entity": "deal", "rows": 5, "x": 0, "y": 2, "w": 8, "h": 2 }, { "kind": "tasks", "x": 8, "y": 2, "w": 4, "h": 2 } ]
            """, """, "roles": [ "Manager" ], "filters": [ "period", "owner" ]""");
        Assert.True(created == HttpStatusCode.Created, made);
        var id = JsonDocument.Parse(made).RootElement.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await SaveAsync(seller, $$"""[ { "report": "{{report}}", "x": 0, "y": 0, "w": 6, "h": 2 } ]""")).Status);

        // For the Manager role: the administrator sees it, the seller (no such role) does not — until it is their own.
        var (status2, board) = await SendAsync(admin, HttpMethod.Get, $"/api/dashboards/{id}");
        Assert.True(status2 == HttpStatusCode.OK, board);
        Assert.Equal([report, report, null, null], JsonDocument.Parse(board).RootElement.GetProperty("reports").EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Null ? (Guid?)null : r.GetGuid()));
        Assert.Equal(["report", "report", "list", "tasks"], JsonDocument.Parse(board).RootElement.GetProperty("definition").GetProperty("widgets").EnumerateArray().Select(w => w.GetProperty("kind").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(seller, HttpMethod.Get, $"/api/dashboards/{id}")).Status);
        var (own, ownBody) = await SendAsync(seller, HttpMethod.Post, "/api/dashboards", $$"""{ "definition": { "labels": { "zh-CN": "我的看板" }, "widgets": [ { "report": "{{report}}", "x": 0, "y": 0, "w": 12, "h": 3 } ] } }""");
        Assert.True(own == HttpStatusCode.Created, ownBody);

        // A shared dashboard shows shared reports only: one naming the administrator's own report is refused.
        var (_, personal) = await SendAsync(admin, HttpMethod.Post, "/api/reports", $$"""{ "definition": {{ByRegion}} }""");
        var mine = JsonDocument.Parse(personal).RootElement.GetProperty("id").GetGuid();
        var (refusedShare, why) = await SaveAsync(admin, $$"""[ { "report": "{{mine}}", "x": 0, "y": 0, "w": 6, "h": 2 } ]""");
        Assert.True(refusedShare == HttpStatusCode.BadRequest, why);
        Assert.Equal("definition.widgets[0].report", Error(why).GetProperty("target").GetString());
        var (_, list) = await SendAsync(seller, HttpMethod.Get, "/api/dashboards");
        Assert.Equal(["我的看板"], JsonDocument.Parse(list).RootElement.EnumerateArray().Select(d => d.GetProperty("label").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(seller, HttpMethod.Delete, $"/api/dashboards/{id}")).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/api/dashboards/{id}")).Status);
    }

    private static async Task<List<Guid>> ListReportsAsync(HttpClient client)
    {
        var (_, body) = await SendAsync(client, HttpMethod.Get, "/api/reports");
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetGuid())];
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string json)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Post, "/api/reports", json);
        Assert.True(HttpStatusCode.Created == status, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, Guid id, string? filters = null)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Post, $"/api/reports/{id}/run", filters);
        Assert.True(HttpStatusCode.OK == status, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<List<string>> ListAsync(HttpClient client)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Get, "/api/reports");
        Assert.True(HttpStatusCode.OK == status, body);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(r => $"{r.GetProperty("label").GetString()} {(r.GetProperty("shared").GetBoolean() ? "shared" : "mine")}")];
    }

    private static JsonElement Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error");

    private static string Figures(JsonElement values) => string.Join(" ", values.EnumerateArray().Select(v =>
        v.ValueKind == JsonValueKind.Number ? v.GetDecimal().ToString("0.######", CultureInfo.InvariantCulture) : "-"));
}
