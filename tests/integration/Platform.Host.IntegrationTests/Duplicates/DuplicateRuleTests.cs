using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Duplicates;

/// <summary>
/// Duplicate rules (查重) of customers: the same company under another legal form or in full-width letters is refused on
/// save (and a change that makes one), naming the match only to those who may read it; a phone written another way and a name
/// alike are found for a form or an API client; deleted customers match nothing until restored; rules added to an entity with
/// records find those records at once.
/// </summary>
public sealed class DuplicateRuleTests
{
    private const string Password = "Dup-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Customer(bool withRules) => $$"""
        {
          "name": "customer", "label": { "zh-CN": "客户", "en": "Customer" }, "titleField": "name",
          "fields": [
            { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true },
            { "name": "phone", "type": "phone", "label": { "zh-CN": "电话", "en": "Phone" } }
          ]{{(withRules ? """
          ,
          "duplicates": [
            { "name": "same_name", "label": { "zh-CN": "客户名称相同", "en": "Same customer name" }, "fields": [ "name" ], "companyName": true, "action": "block" },
            { "name": "same_phone", "label": { "zh-CN": "电话相同", "en": "Same phone" }, "fields": [ "phone" ] },
            { "name": "alike_name", "label": { "zh-CN": "名称相似", "en": "Similar name" }, "fields": [ "name" ], "match": "similar", "threshold": 0.6, "companyName": true }
          ]
          """ : "")}}
        }
        """;

    private static async Task<(PlatformHost Host, HttpClient Admin, HttpClient Seller)> StartAsync(string provider, bool withRules = true)
    {
        var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, withRules);
        await Accounts.CreateRoleAsync(host, "Seller", "Records.customer.Create", "Records.customer.Read.Own", "Records.customer.Update.Own");
        await Accounts.CreateUserInAsync(host, "li", Password, null, "Seller");
        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var seller = await host.CreateClientForAsync("li", Password);
        seller.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return (host, admin, seller);
    }

    private static async Task ApplyAsync(PlatformHost host, bool withRules)
    {
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync([new AppPackageFile("entities/customer.json", Customer(withRules))], "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, string values, string? except = null)
    {
        var (status, body) = await SendAsync(client, HttpMethod.Post, "/api/records/customer/duplicates",
            $$"""{ "values": {{values}}{{(except is null ? "" : $", \"except\": \"{except}\"")}} }""");
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_same_company_under_another_legal_form_is_refused_and_named_only_to_those_who_may_read_it(string provider)
    {
        var (host, admin, seller) = await StartAsync(provider);
        await using var _ = host;
        var huawei = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "华为技术有限公司", "phone": "+86 138-0013-8000" }""");

        foreach (var name in new[] { "华为技术", " 华为技术有限公司 ", "华为技术（有限公司）", "华为技术股份有限公司" })
        {
            var (status, body) = await SendAsync(admin, HttpMethod.Post, "/odata/customer", $$"""{ "name": "{{name}}" }""");
            Assert.True(status == HttpStatusCode.BadRequest, $"{name}: {status} {body}");
            Assert.Contains("Same customer name: there is already a Customer “华为技术有限公司”", body, StringComparison.Ordinal);
        }

        // Full-width Latin letters and case count as the same too.
        await ODataRecords.CreateAsync(admin, "customer", """{ "name": "Acme Trading Co., Ltd." }""");
        var (wide, wideBody) = await SendAsync(admin, HttpMethod.Post, "/odata/customer", """{ "name": "ＡＣＭＥ  trading" }""");
        Assert.True(wide == HttpStatusCode.BadRequest, wideBody);

        // The seller cannot read the administrator's customer: refused all the same, without its name.
        var (hidden, hiddenBody) = await SendAsync(seller, HttpMethod.Post, "/odata/customer", """{ "name": "华为技术" }""");
        Assert.True(hidden == HttpStatusCode.BadRequest, hiddenBody);
        Assert.Contains("one you may not open", hiddenBody, StringComparison.Ordinal);
        Assert.DoesNotContain("华为技术有限公司", hiddenBody, StringComparison.Ordinal);

        // A change that makes a duplicate is refused; a change of another field of a record is not checked again.
        var other = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "中兴通讯" }""");
        var (renamed, renamedBody) = await SendAsync(admin, HttpMethod.Patch, $"/odata/customer({other})", """{ "name": "华为技术公司" }""");
        Assert.True(renamed == HttpStatusCode.BadRequest, renamedBody);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Patch, $"/odata/customer({huawei})", """{ "phone": "010-1234" }""")).Status);

        // Deleted, it matches nothing: the name is free again.
        var (deleted, deletedBody) = await SendAsync(admin, HttpMethod.Delete, $"/odata/customer({huawei})");
        Assert.True(deleted == HttpStatusCode.NoContent, deletedBody);
        Assert.Equal(0, (await FindAsync(admin, """{ "name": "华为技术" }""")).GetArrayLength());
        await ODataRecords.CreateAsync(admin, "customer", """{ "name": "华为技术" }""");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Phones_written_another_way_and_names_alike_are_found_for_a_form_without_the_record_being_edited(string provider)
    {
        var (host, admin, seller) = await StartAsync(provider);
        await using var _ = host;
        var huawei = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "深圳华为技术有限公司", "phone": "+86 138-0013-8000" }""");
        await ODataRecords.CreateAsync(admin, "customer", """{ "name": "北京字节跳动科技有限公司" }""");

        var byPhone = await FindAsync(admin, """{ "phone": "13800138000" }""");
        var match = Assert.Single(byPhone.EnumerateArray());
        Assert.Equal(("same_phone", "Same phone", false, huawei, "深圳华为技术有限公司"),
            (match.GetProperty("rule").GetString(), match.GetProperty("label").GetString(), match.GetProperty("blocks").GetBoolean(), match.GetProperty("id").GetString(), match.GetProperty("title").GetString()));

        var alike = await FindAsync(admin, """{ "name": "深圳华为科技" }""");
        Assert.Contains(alike.EnumerateArray(), m => m.GetProperty("rule").GetString() == "alike_name" && m.GetProperty("id").GetString() == huawei
            && m.GetProperty("score").GetDouble() is >= 0.6 and < 1);
        Assert.DoesNotContain(alike.EnumerateArray(), m => m.GetProperty("rule").GetString() == "same_name");
        Assert.DoesNotContain(alike.EnumerateArray(), m => m.GetProperty("title").GetString() == "北京字节跳动科技有限公司");
        Assert.Equal(0, (await FindAsync(admin, """{ "name": "字节" }""")).EnumerateArray().Count(m => m.GetProperty("rule").GetString() == "same_name"));

        // The record being edited is not its own duplicate; one the person may not read is counted without id or title.
        Assert.Equal(0, (await FindAsync(admin, """{ "phone": "13800138000" }""", huawei)).GetArrayLength());
        var unseen = Assert.Single((await FindAsync(seller, """{ "phone": "13800138000" }""")).EnumerateArray());
        Assert.Equal(JsonValueKind.Null, unseen.GetProperty("id").ValueKind);
        Assert.Equal(JsonValueKind.Null, unseen.GetProperty("title").ValueKind);

        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(admin, HttpMethod.Post, "/api/records/customer/duplicates", "{ \"values\": 3 }")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Post, "/api/records/nothing/duplicates", "{ \"values\": {} }")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host.CreateAnonymousClient(), HttpMethod.Post, "/api/records/customer/duplicates", "{ \"values\": {} }")).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Rules_added_to_customers_already_entered_find_them_and_an_import_flags_and_refuses_its_duplicate_rows(string provider)
    {
        var (host, admin, _) = await StartAsync(provider, withRules: false);
        await using var __ = host;
        var first = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "上海电气集团股份有限公司" }""");
        await ODataRecords.CreateAsync(admin, "customer", """{ "name": "上海电气" }"""); // a duplicate entered before the rules came
        // More customers than the keys are built from at a time, so the build reads several pages.
        var many = Enumerable.Range(1, 2100).Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["name"] = $"客户 {i:D4}", ["phone"] = $"0571-8800{i:D4}" }).ToList();
        Assert.All(await host.InScopeAsync(s => s.GetRequiredService<Platform.Data.Records.RecordStore>().CreateManyAsync("customer", many, Platform.Core.Security.Actor.Platform)),
            r => Assert.True(r.Succeeded, string.Join("; ", r.Errors.Select(e => e.Message))));

        await ApplyAsync(host, withRules: true);
        var found = await FindAsync(admin, """{ "name": "上海电气有限公司" }""");
        Assert.Equal(2, found.EnumerateArray().Count(m => m.GetProperty("rule").GetString() == "same_name"));
        Assert.Contains(found.EnumerateArray(), m => m.GetProperty("id").GetString() == first);
        Assert.Single((await FindAsync(admin, """{ "phone": "+86 571 88002099" }""")).EnumerateArray()); // one of the last page

        // The preview already says so: two rows of one company in the file (a blocking rule: a problem), a phone already
        // entered (a warning rule: a note, the row goes in all the same).
        var checkedFile = await ImportClients.UploadAsync(admin, "Name,Phone\n杭州海康威视,\n杭州海康威视有限公司,\n宁波新客户,0571-88002099\n"u8.ToArray(), "check.csv");
        var (previewed, previewBody) = await SendAsync(admin, HttpMethod.Post, "/api/import/customer/preview", $$"""{ "file": "{{checkedFile}}", "mapping": { "Name": "name", "Phone": "phone" } }""");
        Assert.True(previewed == HttpStatusCode.OK, previewBody);
        var rows = JsonDocument.Parse(previewBody).RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Empty(rows[0].GetProperty("errors").EnumerateArray());
        Assert.Contains("Same customer name: rows", Assert.Single(rows[1].GetProperty("errors").EnumerateArray()).GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(rows[2].GetProperty("errors").EnumerateArray());
        Assert.Equal("Same phone: “客户 2099” exists already", Assert.Single(rows[2].GetProperty("duplicates").EnumerateArray()).GetString());

        // Within one batch, two rows of the same company: the second is named.
        var file = await ImportClients.UploadAsync(admin, "Name\n杭州海康威视\n杭州海康威视有限公司\n"u8.ToArray(), "customers.csv");
        var job = await ImportClients.RunAsync(admin, "customer", file, new { });
        Assert.Equal(("rolledBack", 0), (job.GetProperty("status").GetString(), job.GetProperty("inserted").GetInt32()));
        var report = System.Text.Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/import/jobs/{job.GetProperty("id").GetGuid()}/errors.csv"));
        Assert.Contains("Same customer name", report, StringComparison.Ordinal);
        Assert.Equal(0, (await admin.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=startswith(name,'杭州')")).GetProperty("value").GetArrayLength());
    }
}
