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
/// Reports group in the database: every measure (count, count of values, count distinct, sum, average, min, max) and every date
/// bucket (day, week from Monday, month, quarter, year) against figures worked out by hand; groups labelled in the reader's
/// language; totals over every record asked about; a salesperson's report counts only the deals they may read and cannot group,
/// measure or filter by a field hidden from them; questions that cannot be answered are refused saying where.
/// </summary>
public sealed class ReportQueryTests
{
    private const string Password = "Report-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly string Customer = """
        { "name": "customer", "label": { "zh-CN": "客户", "en": "Customer" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true },
            { "name": "grade", "type": "choice", "label": { "zh-CN": "等级", "en": "Grade" },
              "choices": [ { "value": "vip", "label": { "zh-CN": "重要客户", "en": "Key account" } }, { "value": "normal", "label": { "zh-CN": "普通客户", "en": "Regular" } } ] },
            { "name": "creditLimit", "type": "money", "label": { "zh-CN": "信用额度", "en": "Credit limit" }, "secured": true }
          ] }
        """;

    private static readonly string Deal = """
        { "name": "deal", "label": { "zh-CN": "商机", "en": "Deal" }, "titleField": "title",
          "fields": [
            { "name": "title", "type": "text", "label": { "zh-CN": "标题", "en": "Title" }, "required": true },
            { "name": "region", "type": "choice", "label": { "zh-CN": "区域", "en": "Region" },
              "choices": [ { "value": "east", "label": { "zh-CN": "华东", "en": "East" } }, { "value": "north", "label": { "zh-CN": "华北", "en": "North" } } ] },
            { "name": "customer", "type": "lookup", "target": "customer", "label": { "zh-CN": "客户", "en": "Customer" } },
            { "name": "amount", "type": "money", "label": { "zh-CN": "金额", "en": "Amount" } },
            { "name": "quantity", "type": "integer", "label": { "zh-CN": "数量", "en": "Quantity" } },
            { "name": "closeDate", "type": "date", "label": { "zh-CN": "成交日期", "en": "Close date" } },
            { "name": "notes", "type": "longText", "label": { "zh-CN": "备注", "en": "Notes" } },
            { "name": "cost", "type": "money", "label": { "zh-CN": "成本", "en": "Cost" }, "secured": true }
          ] }
        """;

    private sealed record Books(PlatformHost Host, HttpClient Admin, HttpClient Seller);

    /// <summary>
    /// Five deals of the administrator's — 东方 (A) and 北辰 (B) as customers — and two of the seller's:
    /// east A 100.50 ×2 on Mon 2026-01-05; east B 200.25 ×3 on Sun 2026-01-11; north A 300 ×5 on Tue 2026-02-03;
    /// north (no customer) 50 (no quantity) on Wed 2026-04-15; (no region) B 10 ×1 on Wed 2025-12-31.
    /// The seller's: east 7 ×1 and north 9 ×1, both on 2026-03-02, only readable by them and the administrator.
    /// </summary>
    private static async Task<Books> OpenAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var applied = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync([new AppPackageFile("entities/customer.json", Customer), new AppPackageFile("entities/deal.json", Deal)], "admin"));
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        await Accounts.CreateRoleAsync(host, "Seller", "Records.deal.Create", "Records.deal.Read.Own", "Records.customer.Read.All");
        await Accounts.CreateUserAsync(host, "xiaoli", Password, "Seller");
        var admin = await host.CreateAdminClientAsync();
        var a = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "东方", "grade": "vip", "creditLimit": 5000 }""");
        var b = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "北辰", "grade": "normal", "creditLimit": 1000 }""");
        foreach (var deal in new[]
        {
            $$"""{ "title": "d1", "region": "east", "customer": "{{a}}", "amount": 100.50, "quantity": 2, "closeDate": "2026-01-05", "cost": 60 }""",
            $$"""{ "title": "d2", "region": "east", "customer": "{{b}}", "amount": 200.25, "quantity": 3, "closeDate": "2026-01-11", "cost": 120 }""",
            $$"""{ "title": "d3", "region": "north", "customer": "{{a}}", "amount": 300, "quantity": 5, "closeDate": "2026-02-03", "cost": 200 }""",
            """{ "title": "d4", "region": "north", "amount": 50, "closeDate": "2026-04-15" }""",
            $$"""{ "title": "d5", "customer": "{{b}}", "amount": 10, "quantity": 1, "closeDate": "2025-12-31" }""",
        })
        {
            await ODataRecords.CreateAsync(admin, "deal", deal);
        }

        var seller = await host.CreateClientForAsync("xiaoli", Password);
        await ODataRecords.CreateAsync(seller, "deal", """{ "title": "s1", "region": "east", "amount": 7, "quantity": 1, "closeDate": "2026-03-02" }""");
        await ODataRecords.CreateAsync(seller, "deal", """{ "title": "s2", "region": "north", "amount": 9, "quantity": 1, "closeDate": "2026-03-02" }""");
        return new Books(host, admin, seller);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_measure_is_worked_out_per_group_with_groups_labelled_and_totals_over_everything(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        const string Measures = """
            [ { "name": "deals", "function": "count" }, { "name": "withQuantity", "function": "count", "field": "quantity" },
              { "name": "customers", "function": "countDistinct", "field": "customer" }, { "name": "revenue", "function": "sum", "field": "amount" },
              { "name": "average", "function": "average", "field": "amount" }, { "name": "smallest", "function": "min", "field": "amount" },
              { "name": "pieces", "function": "sum", "field": "quantity" }, { "name": "averagePieces", "function": "average", "field": "quantity" },
              { "name": "lastClosed", "function": "max", "field": "closeDate" } ]
            """;
        var answer = await RunAsync(books.Admin, $$"""{ "entity": "deal", "groups": [ { "field": "region" } ], "measures": {{Measures}}, "filter": "title ne 's1' and title ne 's2'" }""");

        Assert.Equal(["区域", "deals", "withQuantity", "customers", "revenue", "average", "smallest", "pieces", "averagePieces", "lastClosed"],
            answer.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(
        [
            "east 华东: 2 2 2 300.75 150.375 100.5 5 2.5 2026-01-11",
            "north 华北: 2 1 1 350 175 50 5 5 2026-04-15",
            "- （空）: 1 1 1 10 10 10 1 1 2025-12-31",
        ], Rows(answer));
        Assert.Equal("5 4 2 660.75 132.15 10 11 2.75 2026-04-15", Figures(answer.GetProperty("totals")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_chart_shown_on_a_page_does_not_ask_for_totals_it_does_not_show_but_a_table_and_an_export_do(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        var chart = new Platform.Reports.Models.ReportDefinition
        {
            Entity = "deal", Display = "chart", Chart = "bar",
            Groups = [new() { Field = "region" }],
            Measures = [new() { Name = "revenue", Function = "sum", Field = "amount" }, new() { Name = "average", Function = "average", Field = "amount" }],
            Filter = "title ne 's1' and title ne 's2'",
        };
        async Task<string> TotalsAsync(Platform.Reports.Models.ReportDefinition report, bool totals) => Figures(JsonSerializer.SerializeToElement((await host.InScopeAsync(s =>
            s.GetRequiredService<Platform.Reports.Services.ReportRunner>().RunAsync(report, Platform.Core.Security.Actor.Platform, new CultureInfo("zh-CN"), default, totals))).Totals));

        // The bar chart on a page: the sum adds up from its groups; the average would take one more query, and the chart does not show it.
        Assert.False(chart.ShowsTotals());
        Assert.Equal("660.75 -", await TotalsAsync(chart, chart.ShowsTotals()));
        // Asked over the API or exported: every total.
        Assert.Equal("660.75 132.15", await TotalsAsync(chart, totals: true));
        // As a table, or a gauge (which shows its total): every total on the page too.
        var table = new Platform.Reports.Models.ReportDefinition { Entity = chart.Entity, Display = "table", Groups = chart.Groups, Measures = chart.Measures, Filter = chart.Filter };
        Assert.Equal("660.75 132.15", await TotalsAsync(table, table.ShowsTotals()));
        chart.Chart = "gauge";
        Assert.Equal("660.75 132.15", await TotalsAsync(chart, chart.ShowsTotals()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Amounts_add_up_to_the_last_decimal_even_the_largest_a_money_field_holds(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;

        // SQLite keeps amounts as text and adds them as whole ten-thousandths; amounts this large do not fit that exactly (past what a
        // floating-point number holds to the unit; past what a whole number holds at all), so the report adds them as decimals instead.
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "big1", "region": "east", "amount": 987654321098765.4321 }""");
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "big2", "region": "east", "amount": 0.0103 }""");
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "big3", "region": "north", "amount": 12345678901234.5678 }""");
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "big4", "region": "north", "amount": 0.0002 }""");
        const string Measures = """
            [ { "name": "revenue", "function": "sum", "field": "amount" }, { "name": "average", "function": "average", "field": "amount" },
              { "name": "largest", "function": "max", "field": "amount" }, { "name": "smallest", "function": "min", "field": "amount" } ]
            """;
        foreach (var (filter, expected) in new[]
        {
            ("title eq 'big1' or title eq 'big2'", "east 华东: 987654321098765.4424 493827160549382.7212 987654321098765.4321 0.0103"),
            ("title eq 'big3' or title eq 'big4'", "north 华北: 12345678901234.568 6172839450617.284 12345678901234.5678 0.0002"),
        })
        {
            var big = await RunAsync(books.Admin, $$"""{ "entity": "deal", "groups": [ { "field": "region" } ], "measures": {{Measures}}, "filter": "{{filter}}" }""");
            Assert.Equal([expected], Rows(big, "0.##########"));
        }

        // Amounts of everyday size, with cents that floating point would not add exactly (0.1 + 0.2).
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "cents1", "region": "north", "amount": 0.1 }""");
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "cents2", "region": "north", "amount": 0.2 }""");
        await ODataRecords.CreateAsync(books.Admin, "deal", """{ "title": "cents3", "region": "north", "amount": -0.0003 }""");
        var cents = await RunAsync(books.Admin, $$"""{ "entity": "deal", "measures": {{Measures}}, "filter": "startswith(title, 'cents')" }""");
        Assert.Equal("0.2997 0.0999 0.2 -0.0003", Figures(cents.GetProperty("totals"), "0.##########"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Dates_group_by_day_week_month_quarter_and_year_and_a_lookup_by_its_records_title(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        async Task<List<string>> ByAsync(string group, string language = "zh-CN") => Rows(await RunAsync(books.Admin,
            $$"""{ "entity": "deal", "groups": [ {{group}} ], "measures": [ { "name": "revenue", "function": "sum", "field": "amount" } ], "filter": "title ne 's1' and title ne 's2'" }""", language));

        Assert.Equal(["2025-12 2025年12月: 10", "2026-01 2026年1月: 300.75", "2026-02 2026年2月: 300", "2026-04 2026年4月: 50"],
            await ByAsync("""{ "field": "closeDate", "bucket": "month" }"""));
        Assert.Equal(["2025-12 Dec 2025: 10", "2026-01 Jan 2026: 300.75", "2026-02 Feb 2026: 300", "2026-04 Apr 2026: 50"],
            await ByAsync("""{ "field": "closeDate", "bucket": "month" }""", "en"));
        Assert.Equal(["2025-Q4 2025年第4季度: 10", "2026-Q1 2026年第1季度: 600.75", "2026-Q2 2026年第2季度: 50"], await ByAsync("""{ "field": "closeDate", "bucket": "quarter" }"""));
        // Sunday the 11th belongs to the week of Monday the 5th.
        Assert.Equal(["2025-12-29 Week of 2025-12-29: 10", "2026-01-05 Week of 2026-01-05: 300.75", "2026-02-02 Week of 2026-02-02: 300", "2026-04-13 Week of 2026-04-13: 50"],
            await ByAsync("""{ "field": "closeDate", "bucket": "week" }""", "en"));
        Assert.Equal(["2025 2025年: 10", "2026 2026年: 650.75"], await ByAsync("""{ "field": "closeDate", "bucket": "year" }"""));
        Assert.Equal(["2025-12-31 2025-12-31: 10", "2026-01-05 2026-01-05: 100.5", "2026-01-11 2026-01-11: 200.25", "2026-02-03 2026-02-03: 300", "2026-04-15 2026-04-15: 50"],
            await ByAsync("""{ "field": "closeDate", "bucket": "day" }"""));
        // A lookup groups by the record and reads by its title; deals without a customer are a group of their own.
        Assert.Equal(["东方: 400.5", "北辰: 210.25", "（空）: 50"], (await ByAsync("""{ "field": "customer" }""")).Select(r => r[(r.IndexOf(' ', StringComparison.Ordinal) + 1)..]));

        // A moment (when a record was created) groups by the local day it fell on.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(host.Clock.GetUtcNow(), TimeZoneInfo.Local).DateTime);
        var month = $"{today.Year}年{today.Month}月";
        Assert.Equal([$"{month} 华东: 3", $"{month} 华北: 3", $"{month} （空）: 1"],
            Rows(await RunAsync(books.Admin, """{ "entity": "deal", "groups": [ { "field": "createdAt", "bucket": "month" }, { "field": "region" } ], "measures": [ { "name": "n", "function": "count" } ] }""")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_salesperson_counts_only_their_own_deals_and_nothing_by_a_field_hidden_from_them(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        const string ByRegion = """{ "entity": "deal", "groups": [ { "field": "region" } ], "measures": [ { "name": "n", "function": "count" }, { "name": "revenue", "function": "sum", "field": "amount" } ] }""";

        Assert.Equal(["east 华东: 1 7", "north 华北: 1 9"], Rows(await RunAsync(books.Seller, ByRegion)));
        Assert.Equal("2 16", Figures((await RunAsync(books.Seller, ByRegion)).GetProperty("totals")));
        Assert.Equal(["east 华东: 3 307.75", "north 华北: 3 359", "- （空）: 1 10"], Rows(await RunAsync(books.Admin, ByRegion)));

        foreach (var (question, target) in new[]
        {
            ("""{ "entity": "deal", "groups": [ { "field": "cost" } ], "measures": [ { "name": "n", "function": "count" } ] }""", "groups[0].field"),
            ("""{ "entity": "deal", "measures": [ { "name": "c", "function": "sum", "field": "cost" } ] }""", "measures[0].field"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "filter": "cost gt 100" }""", "filter"),
        })
        {
            var (status, body) = await SendAsync(books.Seller, HttpMethod.Post, "/api/reports/run", question);
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Equal(target, Error(body).GetProperty("target").GetString());
            Assert.Contains("cost", body, StringComparison.Ordinal);
        }

        // The administrator may: the cost of the deals that have one.
        Assert.Equal("380", Figures((await RunAsync(books.Admin, """{ "entity": "deal", "measures": [ { "name": "c", "function": "sum", "field": "cost" } ] }""")).GetProperty("totals")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_period_narrows_the_records_by_days_or_by_a_range_relative_to_today(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        var answer = await RunAsync(books.Admin, """
            { "entity": "deal", "measures": [ { "name": "n", "function": "count" }, { "name": "revenue", "function": "sum", "field": "amount" } ],
              "filter": "amount gt 60", "period": { "field": "closeDate", "from": "2026-01-01", "to": "2026-02-03" } }
            """);
        Assert.Equal("3 600.75", Figures(answer.GetProperty("totals")));

        // Created today, so all seven are this month's and none last year's.
        Assert.Equal("7", Figures((await RunAsync(books.Admin, """{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "period": { "field": "createdAt", "range": "thisMonth" } }""")).GetProperty("totals")));
        Assert.Equal("0", Figures((await RunAsync(books.Admin, """{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "period": { "field": "createdAt", "range": "lastYear" } }""")).GetProperty("totals")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_measure_may_count_only_the_records_its_own_filter_picks_and_another_be_worked_out_from_measures(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        var answer = await RunAsync(books.Admin, """
            { "entity": "deal", "groups": [ { "field": "region" } ], "filter": "title ne 's1' and title ne 's2'",
              "measures": [ { "name": "deals", "function": "count" }, { "name": "big", "function": "count", "filter": "amount ge 100" },
                            { "name": "bigRevenue", "function": "sum", "field": "amount", "filter": "amount ge 100" },
                            { "name": "share", "expression": "big / deals", "format": "percent" },
                            { "name": "perBigDeal", "expression": "bigRevenue / big" },
                            { "name": "revenue", "function": "sum", "field": "amount" }, { "name": "pieces", "function": "sum", "field": "quantity" },
                            { "name": "perPiece", "expression": "round(revenue / pieces, 2)" } ] }
            """);

        // The region without deals of 100 or more sums to 0 there, and has no figure per big deal (nothing divided by nothing).
        Assert.Equal(
        [
            "east 华东: 2 2 300.75 1 150.375 300.75 5 60.15",
            "north 华北: 2 1 300 0.5 300 350 5 70",
            "- （空）: 1 0 0 0 - 10 1 10",
        ], Rows(answer));
        Assert.Equal("5 3 600.75 0.6 200.25 660.75 11 60.07", Figures(answer.GetProperty("totals")));
        Assert.Equal(["integer", "integer", "money", "percent", "decimal", "money", "integer", "decimal"],
            answer.GetProperty("columns").EnumerateArray().Skip(1).Select(c => c.GetProperty("kind").GetString()));

        foreach (var (measures, target, words) in new[]
        {
            ("""{ "name": "n", "function": "count" }, { "name": "rate", "expression": "n / (" }""", "measures[1].expression", "“rate”的表达式无法解析：line 1"),
            ("""{ "name": "n", "function": "count" }, { "name": "rate", "expression": "n / missing" }""", "measures[1].expression", "“rate”的表达式计算失败"),
            ("""{ "name": "n", "function": "count" }, { "name": "rate", "expression": "(function f() { while (true) {} })()" }""", "measures[1].expression", "stopped"),
            ("""{ "name": "new", "function": "count" }, { "name": "rate", "expression": "1" }""", "measures[0].name", "“new”不能在表达式中作为名称"),
            ("""{ "name": "n", "function": "count", "filter": "amount gt" }""", "measures[0].filter", "筛选条件有误"),
            ("""{ "name": "n", "function": "count", "filter": "cost gt 1" }, { "name": "m", "function": "count" }""", "measures[0].filter", "筛选条件有误"),
        })
        {
            var (answered, body) = await SendAsync(books.Seller, HttpMethod.Post, "/api/reports/run", $$"""{ "entity": "deal", "measures": [ {{measures}} ] }""");
            Assert.True(HttpStatusCode.BadRequest == answered, $"{measures}: {answered} {body}");
            Assert.Equal(target, Error(body).GetProperty("target").GetString());
            Assert.Contains(words, Error(body).GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Questions_that_cannot_be_answered_are_refused_saying_where_and_why_in_the_readers_language(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        foreach (var (question, status, target, words) in new[]
        {
            ("""{ "entity": "deal", "groups": [ { "field": "colour" } ], "measures": [ { "name": "n", "function": "count" } ] }""", HttpStatusCode.BadRequest, "groups[0].field", "没有可统计的字段“colour”"),
            ("""{ "entity": "deal", "groups": [ { "field": "title", "bucket": "month" } ], "measures": [ { "name": "n", "function": "count" } ] }""", HttpStatusCode.BadRequest, "groups[0].bucket", "不是日期字段"),
            ("""{ "entity": "deal", "groups": [ { "field": "notes" } ], "measures": [ { "name": "n", "function": "count" } ] }""", HttpStatusCode.BadRequest, "groups[0].field", "不能用于分组"),
            ("""{ "entity": "deal", "measures": [ { "name": "s", "function": "sum", "field": "title" } ] }""", HttpStatusCode.BadRequest, "measures[0].function", "求和与平均值需要数字"),
            ("""{ "entity": "deal", "measures": [ ] }""", HttpStatusCode.BadRequest, "measures", "1 到 12 个统计指标"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" }, { "name": "n", "function": "count" } ] }""", HttpStatusCode.BadRequest, "measures", "都叫“n”"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "filter": "amount gt" }""", HttpStatusCode.BadRequest, "filter", "筛选条件有误"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "period": { "field": "closeDate", "range": "someday" } }""", HttpStatusCode.BadRequest, "period.range", "不是可用的期间"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ], "period": { "field": "title", "range": "thisMonth" } }""", HttpStatusCode.BadRequest, "period.field", "期间需要日期字段"),
            ("""{ "entity": "ghost", "measures": [ { "name": "n", "function": "count" } ] }""", HttpStatusCode.NotFound, "entity", "没有名为“ghost”的实体"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "median" } ] }""", HttpStatusCode.BadRequest, "measures[0].function", "“median”不是可用的统计方式：请使用 count, countDistinct, sum, average, min, max"),
            ("""{ "entity": "deal", "measures": [ { "name": "n" } ] }""", HttpStatusCode.BadRequest, "measures[0].function", "不是可用的统计方式"),
            ("""{ "entity": "deal", "groups": [ { "field": "closeDate", "bucket": "weekly" } ], "measures": [ { "name": "n", "function": "count" } ] }""", HttpStatusCode.BadRequest, "groups[0].bucket", "“weekly”不是可用的日期粒度：请使用 day, week, month, quarter, year"),
            ("""{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } """, HttpStatusCode.BadRequest, "$.measures[1]", "不是有效的 JSON"),
        })
        {
            var (answered, body) = await SendAsync(books.Admin, HttpMethod.Post, "/api/reports/run", question);
            Assert.True(status == answered, $"{question}: {answered} {body}");
            Assert.Equal(target, Error(body).GetProperty("target").GetString());
            Assert.Contains(words, Error(body).GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // A role that may not read deals at all is told so.
        await Accounts.CreateRoleAsync(host, "Clerk", "Records.customer.Read.All");
        await Accounts.CreateUserAsync(host, "clerk", Password, "Clerk");
        var clerk = await host.CreateClientForAsync("clerk", Password);
        var (refused, _) = await SendAsync(clerk, HttpMethod.Post, "/api/reports/run", """{ "entity": "deal", "measures": [ { "name": "n", "function": "count" } ] }""");
        Assert.Equal(HttpStatusCode.Forbidden, refused);

        // In English for an English reader.
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/reports/run") { Content = new StringContent("""{ "entity": "deal", "groups": [ { "field": "colour" } ], "measures": [ { "name": "n", "function": "count" } ] }""", System.Text.Encoding.UTF8, "application/json") };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var response = await books.Admin.SendAsync(english);
        Assert.Contains("'deal' has no field 'colour'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_group_names_the_records_behind_it_as_a_filter_the_list_opens_with(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        foreach (var groups in new[]
        {
            """[ { "field": "customer" }, { "field": "closeDate", "bucket": "month" } ]""",
            """[ { "field": "region" }, { "field": "closeDate", "bucket": "quarter" } ]""",
            """[ { "field": "closeDate", "bucket": "week" }, { "field": "quantity" } ]""",
            """[ { "field": "closeDate", "bucket": "year" }, { "field": "createdAt", "bucket": "day" } ]""",
            """[ { "field": "ownerId" }, { "field": "createdAt", "bucket": "month" } ]""",
        })
        {
            foreach (var (client, who) in new[] { (books.Admin, "admin"), (books.Seller, "seller") })
            {
                var answer = await RunAsync(client, $$"""{ "entity": "deal", "groups": {{groups}}, "measures": [ { "name": "n", "function": "count" } ], "filter": "amount gt 5", "period": { "field": "closeDate", "from": "2025-01-01" } }""");
                var rows = answer.GetProperty("rows").EnumerateArray().ToList();
                Assert.NotEmpty(rows);
                foreach (var row in rows)
                {
                    var drill = row.GetProperty("drill").GetString()!;
                    var (status, body) = await SendAsync(client, HttpMethod.Get, $"/odata/deal?$count=true&$top=0&$filter={Uri.EscapeDataString(drill)}");
                    Assert.True(status == HttpStatusCode.OK, $"{drill}: {body}");
                    Assert.True(row.GetProperty("values")[0].GetInt32() == JsonDocument.Parse(body).RootElement.GetProperty("@odata.count").GetInt32(), $"{who} {groups}: {drill}");
                }

                var all = await client.GetFromJsonAsync<JsonElement>($"/odata/deal?$count=true&$top=0&$filter={Uri.EscapeDataString(answer.GetProperty("drill").GetString()!)}");
                Assert.Equal(answer.GetProperty("totals")[0].GetInt32(), all.GetProperty("@odata.count").GetInt32());
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task OData_apply_groups_and_aggregates_in_the_database_as_the_standard_says_for_what_the_reader_may_read(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        async Task<(HttpStatusCode Status, JsonElement Body)> ApplyAsync(HttpClient client, string apply, string more = "")
        {
            var response = await client.GetAsync($"/odata/deal?$apply={Uri.EscapeDataString(apply)}{more}");
            return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
        }

        static List<string> Entities(JsonElement body) =>
            [.. body.GetProperty("value").EnumerateArray().Select(e => string.Join(" ", e.EnumerateObject().Select(p => $"{p.Name}={Text(p.Value)}")))];

        var (status, body) = await ApplyAsync(books.Admin, "filter(title ne 's1' and title ne 's2')/groupby((region),aggregate(amount with sum as revenue,$count as deals))");
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal(["region=east revenue=300.75 deals=2", "region=north revenue=350 deals=2", "region=- revenue=10 deals=1"], Entities(body));
        Assert.EndsWith("$metadata#deal(region,revenue,deals)", body.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

        (status, body) = await ApplyAsync(books.Admin, "filter(title ne 's1' and title ne 's2')/aggregate(amount with average as average,customer with countdistinct as customers,closeDate with max as last)");
        Assert.Equal(["average=132.15 customers=2 last=2026-04-15"], Entities(body));
        // groupby without aggregate: the distinct groups.
        (status, body) = await ApplyAsync(books.Admin, "groupby((region))");
        Assert.Equal(["region=east", "region=north", "region=-"], Entities(body));

        // A salesperson's aggregates count their own deals only, and a field hidden from them cannot be aggregated.
        (status, body) = await ApplyAsync(books.Seller, "aggregate($count as n,amount with sum as revenue)");
        Assert.Equal(["n=2 revenue=16"], Entities(body));
        (status, body) = await ApplyAsync(books.Seller, "aggregate(cost with sum as c)");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("$apply", body.GetProperty("error").GetProperty("target").GetString());

        // What is not supported is refused, never ignored.
        (status, body) = await ApplyAsync(books.Admin, "groupby((customer/name))");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        (status, _) = await ApplyAsync(books.Admin, "aggregate($count as n)", "&$top=1");
        Assert.Equal(HttpStatusCode.NotImplemented, status);
        (status, body) = await ApplyAsync(books.Admin, "aggregate(amount with median as m)");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deals_group_by_a_field_of_their_customer_through_the_lookup_and_each_group_opens_exactly_its_deals(string provider)
    {
        var books = await OpenAsync(provider);
        await using var host = books.Host;
        const string ByGrade = """{ "entity": "deal", "groups": [ { "field": "customer/grade" } ], "measures": [ { "name": "n", "function": "count" }, { "name": "amount", "function": "sum", "field": "amount" } ] }""";

        // 东方 is a key account (d1, d3), 北辰 regular (d2, d5); d4 and the seller's two have no customer.
        var admin = await RunAsync(books.Admin, ByGrade);
        Assert.Equal(["vip 重要客户: 2 400.5", "normal 普通客户: 2 210.25", "- （空）: 3 66"], Rows(admin));
        Assert.Equal("客户 · 等级", admin.GetProperty("columns")[0].GetProperty("label").GetString());
        Assert.Equal("Customer · Grade", (await RunAsync(books.Admin, ByGrade, "en")).GetProperty("columns")[0].GetProperty("label").GetString());
        var seller = await RunAsync(books.Seller, ByGrade);
        Assert.Equal(["- （空）: 2 16"], Rows(seller));

        // Each group's records, as the list finds them by the filter it carries — a condition through the lookup.
        foreach (var (client, answer) in new[] { (books.Admin, admin), (books.Seller, seller) })
        {
            foreach (var row in answer.GetProperty("rows").EnumerateArray())
            {
                var drill = row.GetProperty("drill").GetString()!;
                var (status, body) = await SendAsync(client, HttpMethod.Get, $"/odata/deal?$count=true&$top=0&$filter={Uri.EscapeDataString(drill)}");
                Assert.True(status == HttpStatusCode.OK, $"{drill}: {body}");
                Assert.Equal(row.GetProperty("values")[0].GetInt32(), JsonDocument.Parse(body).RootElement.GetProperty("@odata.count").GetInt32());
            }
        }

        // A filter and a measure's own filter reach through the lookup's record too, as OData names it.
        var vip = await RunAsync(books.Admin, """{ "entity": "deal", "groups": [], "measures": [ { "name": "n", "function": "count" }, { "name": "regular", "function": "sum", "field": "amount", "filter": "customerRecord/grade eq 'normal'" } ], "filter": "customerRecord/grade ne null" }""");
        Assert.Equal("4 210.25", Figures(vip.GetProperty("totals")));

        // Someone who may read deals but no customer groups them all as having none: nothing of the customers shows.
        await Accounts.CreateRoleAsync(host, "Deal reader", "Records.deal.Read.All");
        await Accounts.CreateUserAsync(host, "blind", Password, "Deal reader");
        using var blind = await host.CreateClientForAsync("blind", Password);
        Assert.Equal(["- （空）: 7 676.75"], Rows(await RunAsync(blind, ByGrade)));
        var (none, noneBody) = await SendAsync(blind, HttpMethod.Get, $"/odata/deal?$count=true&$top=0&$filter={Uri.EscapeDataString("customerRecord/grade eq 'vip'")}");
        Assert.Equal(HttpStatusCode.OK, none);
        Assert.Equal(0, JsonDocument.Parse(noneBody).RootElement.GetProperty("@odata.count").GetInt32());

        // A customer's field hidden from the seller cannot group, be measured or filter through the lookup; paths go one lookup deep.
        foreach (var (question, target) in new[]
        {
            ("""{ "entity": "deal", "groups": [ { "field": "customer/creditLimit" } ], "measures": [ { "name": "n", "function": "count" } ] }""", "groups[0].field"),
            ("""{ "entity": "deal", "groups": [], "measures": [ { "name": "m", "function": "sum", "field": "customer/creditLimit" } ] }""", "measures[0].field"),
            ("""{ "entity": "deal", "groups": [], "measures": [ { "name": "n", "function": "count" } ], "filter": "customerRecord/creditLimit gt 100" }""", "filter"),
            ("""{ "entity": "deal", "groups": [ { "field": "customer/name/x" } ], "measures": [ { "name": "n", "function": "count" } ] }""", "groups[0].field"),
        })
        {
            var (status, body) = await SendAsync(books.Seller, HttpMethod.Post, "/api/reports/run", question);
            Assert.True(status == HttpStatusCode.BadRequest, body);
            Assert.Equal(target, Error(body).GetProperty("target").GetString());
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Order_lines_sum_by_their_products_category_over_the_orders_period_counting_only_lines_of_orders_one_may_read(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var applied = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(
        [
            new AppPackageFile("entities/item.json", """
                { "name": "item", "label": { "zh-CN": "产品", "en": "Product" }, "titleField": "name", "fields": [
                  { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true },
                  { "name": "category", "type": "choice", "label": { "zh-CN": "品类", "en": "Category" },
                    "choices": [ { "value": "knit", "label": { "zh-CN": "针织", "en": "Knitwear" } }, { "value": "silk", "label": { "zh-CN": "丝绸", "en": "Silk" } } ] } ] }
                """),
            new AppPackageFile("entities/order_line.json", """
                { "name": "order_line", "label": { "zh-CN": "订单明细", "en": "Order line" }, "fields": [
                  { "name": "item", "type": "lookup", "target": "item", "label": { "zh-CN": "产品", "en": "Product" } },
                  { "name": "amount", "type": "money", "label": { "zh-CN": "金额", "en": "Amount" } } ] }
                """),
            new AppPackageFile("entities/order.json", """
                { "name": "order", "label": { "zh-CN": "订单", "en": "Order" }, "fields": [
                  { "name": "orderDate", "type": "date", "label": { "zh-CN": "订单日期", "en": "Order date" } },
                  { "name": "lines", "type": "lines", "target": "order_line", "label": { "zh-CN": "明细", "en": "Lines" } } ] }
                """),
        ], "admin"));
        Assert.True(applied.Succeeded, string.Join("; ", applied.Errors));
        await Accounts.CreateRoleAsync(host, "Order clerk", "Records.order.Create", "Records.order.Read.Own", "Records.item.Read.All");
        await Accounts.CreateUserAsync(host, "clerk", Password, "Order clerk");
        using var admin = await host.CreateAdminClientAsync();
        using var clerk = await host.CreateClientForAsync("clerk", Password);
        var knit = await ODataRecords.CreateAsync(admin, "item", """{ "name": "羊毛衫", "category": "knit" }""");
        var silk = await ODataRecords.CreateAsync(admin, "item", """{ "name": "真丝围巾", "category": "silk" }""");
        // The administrator's: March knit 100 + silk 250, April knit 40. The clerk's: March knit 5 + silk 7.
        await ODataRecords.CreateAsync(admin, "order", $$"""{ "orderDate": "2026-03-10", "lines": [ { "item": "{{knit}}", "amount": 100 }, { "item": "{{silk}}", "amount": 250 } ] }""");
        await ODataRecords.CreateAsync(admin, "order", $$"""{ "orderDate": "2026-04-02", "lines": [ { "item": "{{knit}}", "amount": 40 } ] }""");
        await ODataRecords.CreateAsync(clerk, "order", $$"""{ "orderDate": "2026-03-20", "lines": [ { "item": "{{knit}}", "amount": 5 }, { "item": "{{silk}}", "amount": 7 } ] }""");

        const string ByCategory = """
            { "entity": "order_line", "groups": [ { "field": "item/category" }, { "field": "parentId/orderDate", "bucket": "month" } ],
              "measures": [ { "name": "lines", "function": "count" }, { "name": "amount", "function": "sum", "field": "amount" } ] }
            """;
        var all = await RunAsync(admin, ByCategory);
        Assert.Equal(["针织 2026年3月: 2 105", "针织 2026年4月: 1 40", "丝绸 2026年3月: 2 257"], Rows(all));
        Assert.Equal(["产品 · 品类", "订单 · 订单日期"], all.GetProperty("columns").EnumerateArray().Take(2).Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["针织 2026年3月: 1 5", "丝绸 2026年3月: 1 7"], Rows(await RunAsync(clerk, ByCategory)));

        // The order's period narrows its lines: March only.
        var march = await RunAsync(admin, """
            { "entity": "order_line", "groups": [ { "field": "item/category" } ], "measures": [ { "name": "amount", "function": "sum", "field": "amount" } ],
              "period": { "field": "parentId/orderDate", "from": "2026-03-01", "to": "2026-03-31" } }
            """);
        Assert.Equal(["knit 针织: 105", "silk 丝绸: 257"], Rows(march));

        // Each group's lines, as OData finds them by the filter it carries (through the product and the order).
        foreach (var (client, answer) in new[] { (admin, all), (clerk, await RunAsync(clerk, ByCategory)) })
        {
            foreach (var row in answer.GetProperty("rows").EnumerateArray())
            {
                var drill = row.GetProperty("drill").GetString()!;
                var (status, body) = await SendAsync(client, HttpMethod.Get, $"/odata/order_line?$count=true&$top=0&$filter={Uri.EscapeDataString(drill)}");
                Assert.True(status == HttpStatusCode.OK, $"{drill}: {body}");
                Assert.Equal(row.GetProperty("values")[0].GetInt32(), JsonDocument.Parse(body).RootElement.GetProperty("@odata.count").GetInt32());
            }
        }

        // A line's order expands like a lookup's record.
        var expanded = await clerk.GetFromJsonAsync<JsonElement>("/odata/order_line?$expand=parentRecord($select=orderDate)");
        Assert.All(expanded.GetProperty("value").EnumerateArray(), l => Assert.Equal("2026-03-20", l.GetProperty("parentRecord").GetProperty("orderDate").GetString()));
        Assert.Equal(2, expanded.GetProperty("value").GetArrayLength());
    }

    private static async Task<JsonElement> RunAsync(HttpClient client, string question, string language = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/reports/run") { Content = new StringContent(question, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement;
    }

    private static JsonElement Error(string body) => JsonDocument.Parse(body).RootElement.GetProperty("error");

    /// <summary>Each row as "key label: figures" with one key, "label label: figures" with several; a missing key as "-".</summary>
    private static List<string> Rows(JsonElement answer, string format = "0.######") =>
        [.. answer.GetProperty("rows").EnumerateArray().Select(r =>
        {
            var keys = r.GetProperty("keys").EnumerateArray().ToList();
            var named = keys.Count == 1 ? $"{Text(keys[0].GetProperty("value"), format)} {keys[0].GetProperty("label").GetString()}" : string.Join(" ", keys.Select(k => k.GetProperty("label").GetString()));
            return $"{named}: {Figures(r.GetProperty("values"), format)}";
        })];

    private static string Figures(JsonElement values, string format = "0.######") => string.Join(" ", values.EnumerateArray().Select(v => Text(v, format)));

    private static string Text(JsonElement value, string format = "0.######") => value.ValueKind switch
    {
        JsonValueKind.Null => "-",
        JsonValueKind.Number => value.GetDecimal().ToString(format, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
