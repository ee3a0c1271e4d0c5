using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Duplicates;

/// <summary>
/// Merging a customer entered twice (合并): the kept customer takes the values chosen field by field — a unique name too; contacts
/// and orders of the other, in the recycle bin as well, point at the kept one; shares move with it; the other goes to the
/// recycle bin with its history, and each change is in the trail of the record it touched. Refused with nothing changed:
/// merging a record into itself or into a deleted one, a stale version, a field that cannot be taken, someone who may not
/// delete the other record, and a kept record whose save the entity's rules refuse.
/// </summary>
public sealed class RecordMergeTests
{
    private const string Password = "Merge-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly AppPackageFile[] Package =
    [
        new("entities/customer.json", """
            {
              "name": "customer", "label": { "zh-CN": "客户", "en": "Customer" }, "titleField": "name",
              "fields": [
                { "name": "name", "type": "text", "label": { "zh-CN": "名称", "en": "Name" }, "required": true, "unique": true },
                { "name": "code", "type": "autoNumber", "label": { "zh-CN": "编号", "en": "Code" }, "format": "C{####}" },
                { "name": "phone", "type": "phone", "label": { "zh-CN": "电话", "en": "Phone" } },
                { "name": "industry", "type": "text", "label": { "zh-CN": "行业", "en": "Industry" } },
                { "name": "grade", "type": "choice", "label": { "zh-CN": "等级", "en": "Grade" }, "choices": [ { "value": "vip" }, { "value": "normal" } ] },
                { "name": "keyAccountManager", "type": "text", "label": { "zh-CN": "大客户经理", "en": "Key account manager" }, "requiredWhen": "record.grade === 'vip'" },
                { "name": "parent", "type": "lookup", "target": "customer", "onDelete": "setNull", "label": { "zh-CN": "上级单位", "en": "Parent" } },
                { "name": "creditLimit", "type": "money", "label": { "zh-CN": "信用额度", "en": "Credit limit" }, "secured": true }
              ],
              "duplicates": [
                { "name": "same_name", "label": { "zh-CN": "名称相同", "en": "Same name" }, "fields": [ "name" ], "companyName": true }
              ]
            }
            """),
        new("entities/contact.json", """
            {
              "name": "contact", "label": { "zh-CN": "联系人", "en": "Contact" }, "titleField": "name",
              "fields": [
                { "name": "name", "type": "text", "label": { "zh-CN": "姓名", "en": "Name" }, "required": true },
                { "name": "customer", "type": "lookup", "target": "customer", "onDelete": "restrict", "label": { "zh-CN": "客户", "en": "Customer" } }
              ]
            }
            """),
    ];

    private static async Task<(PlatformHost Host, HttpClient Admin)> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(Package, "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var admin = await host.CreateAdminClientAsync();
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return (host, admin);
    }

    private static async Task<int> VersionAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/odata/customer({id})")).GetProperty("rowVersion").GetInt32();

    private static async Task<(HttpStatusCode Status, string Body)> MergeAsync(HttpClient client, string kept, string merged, params string[] take) =>
        await SendAsync(client, HttpMethod.Post, $"/api/records/customer/{kept}/merge",
            JsonSerializer.Serialize(new { version = await VersionAsync(client, kept), merged, mergedVersion = await VersionAsync(client, merged), take }));

    private static async Task<string?> CustomerOfAsync(HttpClient client, string contact) =>
        (await client.GetFromJsonAsync<JsonElement>($"/odata/contact({contact})")).GetProperty("customer").GetString();

    private static async Task<List<JsonElement>> TrailAsync(HttpClient client, string entity, string id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/audit/{entity}/{id}")).EnumerateArray()];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_customer_entered_twice_is_merged_keeping_the_chosen_values_its_contacts_its_shares_and_both_histories(string provider)
    {
        var (host, admin) = await StartAsync(provider);
        await using var _ = host;
        var zhao = await Accounts.CreateUserAsync(host, "zhao", Password);
        var group = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "华为投资控股有限公司" }""");
        var kept = await ODataRecords.CreateAsync(admin, "customer", $$"""{ "name": "华为技术", "phone": "0755-28780808", "industry": "通信", "parent": "{{group}}" }""");
        var merged = await ODataRecords.CreateAsync(admin, "customer", $$"""{ "name": "华为技术有限公司", "phone": "0755-28560000", "industry": "", "parent": "{{kept}}" }""");
        var keptContact = await ODataRecords.CreateAsync(admin, "contact", $$"""{ "name": "王经理", "customer": "{{kept}}" }""");
        var mergedContacts = new[]
        {
            await ODataRecords.CreateAsync(admin, "contact", $$"""{ "name": "李工", "customer": "{{merged}}" }"""),
            await ODataRecords.CreateAsync(admin, "contact", $$"""{ "name": "陈总", "customer": "{{merged}}" }"""),
        };
        var binned = await ODataRecords.CreateAsync(admin, "contact", $$"""{ "name": "已离职", "customer": "{{merged}}" }""");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/odata/contact({binned})")).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Post, $"/api/records/customer/{merged}/shares", $$"""{ "userId": "{{zhao}}", "access": "edit" }""")).Status);
        var keptVersion = await VersionAsync(admin, kept);

        var (status, body) = await MergeAsync(admin, kept, merged, "name", "phone", "parent");

        Assert.True(status == HttpStatusCode.OK, body);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("rowVersion").GetInt32() > keptVersion, body);
        var customer = await admin.GetFromJsonAsync<JsonElement>($"/odata/customer({kept})");
        Assert.Equal("华为技术有限公司", customer.GetProperty("name").GetString());
        Assert.Equal("0755-28560000", customer.GetProperty("phone").GetString());
        Assert.Equal("通信", customer.GetProperty("industry").GetString());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("parent").ValueKind); // the other's parent was the kept one: not itself
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Get, $"/odata/customer({merged})")).Status);
        Assert.Equal(kept, await CustomerOfAsync(admin, keptContact));
        foreach (var contact in mergedContacts)
        {
            Assert.Equal(kept, await CustomerOfAsync(admin, contact));
        }

        var inBin = await host.InScopeAsync(s => s.GetRequiredService<IRecordStore>().GetAsync("contact", Guid.Parse(binned), includeDeleted: true));
        Assert.Equal(Guid.Parse(kept), inBin!["customer"]);
        var shares = await admin.GetFromJsonAsync<JsonElement>($"/api/records/customer/{kept}/shares");
        Assert.Equal(zhao, Assert.Single(shares.EnumerateArray()).GetProperty("userId").GetString());

        var keptTrail = await TrailAsync(admin, "customer", kept);
        Assert.Contains(keptTrail, e => e.GetProperty("action").GetString() == "merge" && e.GetProperty("oldValue").GetString() == merged);
        Assert.Contains(keptTrail, e => e.GetProperty("field").GetString() == "name" && e.GetProperty("newValue").GetString() == "华为技术有限公司");
        var mergedTrail = await TrailAsync(admin, "customer", merged);
        Assert.Equal("create", mergedTrail[0].GetProperty("action").GetString());
        Assert.Contains(mergedTrail, e => e.GetProperty("action").GetString() == "merge" && e.GetProperty("newValue").GetString() == kept);
        Assert.Contains(mergedTrail, e => e.GetProperty("action").GetString() == "delete");
        var contactTrail = await TrailAsync(admin, "contact", mergedContacts[0]);
        Assert.Contains(contactTrail, e => e.GetProperty("field").GetString() == "customer" && e.GetProperty("oldValue").GetString() == merged && e.GetProperty("newValue").GetString() == kept);

    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_merge_that_cannot_be_done_is_refused_with_a_reason_and_changes_nothing(string provider)
    {
        var (host, admin) = await StartAsync(provider);
        await using var _ = host;
        await Accounts.CreateRoleAsync(host, "Seller", "Records.customer.Read.All", "Records.customer.Update.All", "Records.contact.Read.All");
        await Accounts.CreateUserAsync(host, "li", Password, "Seller");
        var seller = await host.CreateClientForAsync("li", Password);
        seller.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await Accounts.CreateRoleAsync(host, "Cleaner", "Records.customer.Read.All", "Records.customer.Update.All", "Records.customer.Delete.All", "Records.contact.Read.All");
        await Accounts.CreateUserAsync(host, "wu", Password, "Cleaner");
        var cleaner = await host.CreateClientForAsync("wu", Password);
        cleaner.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var kept = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "中兴通讯", "grade": "normal" }""");
        var merged = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "中兴通讯股份有限公司", "grade": "vip", "keyAccountManager": "周" }""");
        var contact = await ODataRecords.CreateAsync(admin, "contact", $$"""{ "name": "孙工", "customer": "{{merged}}" }""");
        var gone = await ODataRecords.CreateAsync(admin, "customer", """{ "name": "中兴通讯（深圳）" }""");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(admin, HttpMethod.Delete, $"/odata/customer({gone})")).Status);

        var (itself, itselfBody) = await MergeAsync(admin, kept, kept);
        Assert.Equal(HttpStatusCode.BadRequest, itself);
        Assert.Contains("cannot be merged into itself", itselfBody, StringComparison.Ordinal);

        var (intoDeleted, intoDeletedBody) = await SendAsync(admin, HttpMethod.Post, $"/api/records/customer/{kept}/merge",
            JsonSerializer.Serialize(new { version = await VersionAsync(admin, kept), merged = gone, mergedVersion = 2, take = Array.Empty<string>() }));
        Assert.Equal(HttpStatusCode.NotFound, intoDeleted);
        Assert.Contains("no longer exists", intoDeletedBody, StringComparison.Ordinal);

        var (stale, _) = await SendAsync(admin, HttpMethod.Post, $"/api/records/customer/{kept}/merge",
            JsonSerializer.Serialize(new { version = await VersionAsync(admin, kept) + 4, merged, mergedVersion = await VersionAsync(admin, merged), take = Array.Empty<string>() }));
        Assert.Equal(HttpStatusCode.Conflict, stale);

        var (unnamed, unnamedBody) = await SendAsync(admin, HttpMethod.Post, $"/api/records/customer/{kept}/merge",
            JsonSerializer.Serialize(new { version = await VersionAsync(admin, kept), merged, mergedVersion = await VersionAsync(admin, merged), take = new[] { "phone", null } }));
        Assert.True(unnamed == HttpStatusCode.BadRequest, unnamedBody);
        var (broken, brokenBody) = await SendAsync(admin, HttpMethod.Post, $"/api/records/customer/{kept}/merge", "{ \"version\": ");
        Assert.True(broken == HttpStatusCode.BadRequest, brokenBody);
        Assert.Contains("mergedVersion", brokenBody, StringComparison.Ordinal);

        var (numbered, numberedBody) = await MergeAsync(admin, kept, merged, "code");
        Assert.Equal(HttpStatusCode.BadRequest, numbered);
        Assert.Contains("'code' cannot be taken", numberedBody, StringComparison.Ordinal);

        var (mayNotDelete, _) = await MergeAsync(seller, kept, merged, "name");
        Assert.Equal(HttpStatusCode.Forbidden, mayNotDelete);

        // A secured field someone may not see is neither offered nor taken: its value would come out in the kept record.
        var fields = await cleaner.GetFromJsonAsync<JsonElement>("/api/records/customer/merge/fields");
        Assert.Contains("phone", fields.EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("creditLimit", fields.EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("creditLimit", (await admin.GetFromJsonAsync<JsonElement>("/api/records/customer/merge/fields")).EnumerateArray().Select(f => f.GetString()));
        var (hidden, hiddenBody) = await MergeAsync(cleaner, kept, merged, "creditLimit");
        Assert.Equal(HttpStatusCode.BadRequest, hidden);
        Assert.Contains("'creditLimit' cannot be taken", hiddenBody, StringComparison.Ordinal);

        // The kept customer taking "VIP" without a key account manager: its own rule refuses the save, and the contact,
        // already pointed at it inside the merge, points at the other one again.
        var (ruleRefused, ruleBody) = await MergeAsync(admin, kept, merged, "grade");
        Assert.Equal(HttpStatusCode.BadRequest, ruleRefused);
        Assert.Contains("keyAccountManager", ruleBody, StringComparison.Ordinal);

        Assert.Equal(merged, await CustomerOfAsync(admin, contact));
        Assert.Equal("中兴通讯股份有限公司", (await admin.GetFromJsonAsync<JsonElement>($"/odata/customer({merged})")).GetProperty("name").GetString());
        Assert.Equal("normal", (await admin.GetFromJsonAsync<JsonElement>($"/odata/customer({kept})")).GetProperty("grade").GetString());
        Assert.DoesNotContain(await TrailAsync(admin, "customer", kept), e => e.GetProperty("action").GetString() == "merge");

        // Both together, the merge goes through.
        var (both, bothBody) = await MergeAsync(admin, kept, merged, "grade", "keyAccountManager", "grade"); // named twice, taken once
        Assert.True(both == HttpStatusCode.OK, bothBody);
        Assert.Equal(kept, await CustomerOfAsync(admin, contact));
    }
}
