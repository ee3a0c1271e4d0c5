using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Data.Packages;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;
using static Platform.Host.IntegrationTests.Infrastructure.ApiCalls;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Submittable documents (ERPNext's docstatus): a goods receipt is a draft until the clerk submits it, then read-only for
/// everyone (the administrator too); only a supervisor cancels it — kept, never deleted — and the clerk amends the cancelled one
/// into a new draft with its lines. The status is set by these steps only, and each is refused with its reason when out of turn.
/// </summary>
public sealed class SubmittableDocumentTests
{
    private const string Password = "Docs-passw0rd!";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static IReadOnlyList<EntityDefinition> Entities() =>
    [
        new()
        {
            Name = "goods_receipt", Label = LocalizedText.Of("入库单", "Goods receipt"), Submittable = true,
            Fields =
            [
                EntitySamples.Field("number", "autoNumber", "单号", "Number", f => f.Format = "GR-{####}"),
                EntitySamples.Field("supplier", "text", "供应商", "Supplier", f => f.Required = true),
                EntitySamples.Field("lines", "lines", "明细", "Lines", f => f.Target = "goods_receipt_line"),
                EntitySamples.Field("total", "computed", "数量合计", "Total quantity", f => { f.Formula = "sum(record.lines, 'quantity')"; f.ResultType = "decimal"; }),
            ],
        },
        new()
        {
            Name = "goods_receipt_line", Label = LocalizedText.Of("入库明细", "Receipt line"),
            Fields = [EntitySamples.Field("item", "text", "物料", "Item"), EntitySamples.Field("quantity", "decimal", "数量", "Quantity", f => f.Required = true)],
        },
    ];

    private static async Task<PlatformHost> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>()
            .ApplyAsync(Entities().Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList(), "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var own = new[] { "Records.goods_receipt.Create", "Records.goods_receipt.Read.Own", "Records.goods_receipt.Update.Own", "Records.goods_receipt.Delete.Own" };
        await Accounts.CreateRoleAsync(host, "Clerk", [.. own, "Records.goods_receipt.Submit"]);
        await Accounts.CreateRoleAsync(host, "Supervisor", "Records.goods_receipt.Read.All", "Records.goods_receipt.Update.All", "Records.goods_receipt.Cancel");
        await Accounts.CreateUserAsync(host, "clerk", Password, "Clerk");
        await Accounts.CreateUserAsync(host, "boss", Password, "Supervisor");
        return host;
    }

    private static async Task<JsonElement> ReadAsync(HttpClient client, string id) => await client.GetFromJsonAsync<JsonElement>($"/odata/goods_receipt({id})?$expand=lines");

    private static int Version(JsonElement record) => record.GetProperty("rowVersion").GetInt32();

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_receipt_is_submitted_then_read_only_cancelled_by_a_supervisor_and_amended_into_a_new_draft(string provider)
    {
        await using var host = await StartAsync(provider);
        var clerk = await host.CreateClientForAsync("clerk", Password);
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var (boss, admin) = (await host.CreateClientForAsync("boss", Password), await host.CreateAdminClientAsync());

        var id = await ODataRecords.CreateAsync(clerk, "goods_receipt", """{ "supplier": "宁波轴承厂", "lines": [ { "item": "6204 轴承", "quantity": 200 }, { "item": "油封", "quantity": 50 } ] }""");
        var draft = await ReadAsync(clerk, id);
        Assert.Equal(("draft", JsonValueKind.Null), (draft.GetProperty("docStatus").GetString(), draft.GetProperty("amendedFrom").ValueKind));

        // The status is no field to type: not on create, not on a change.
        var (typed, typedBody) = await SendAsync(clerk, HttpMethod.Post, "/odata/goods_receipt", """{ "supplier": "x", "docStatus": "submitted", "lines": [] }""");
        Assert.True(typed == HttpStatusCode.BadRequest, typedBody);
        Assert.Contains("docStatus", typedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(clerk, HttpMethod.Patch, $"/odata/goods_receipt({id})", """{ "docStatus": "submitted" }""")).Status);

        // Submitting needs the version last read; a stale one is a conflict.
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/submit", "{}")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/submit", """{ "version": 99 }""")).Status);
        var (submitted, submittedBody) = await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/submit", $$"""{ "version": {{Version(draft)}} }""");
        Assert.True(submitted == HttpStatusCode.OK, submittedBody);
        Assert.Equal("submitted", JsonDocument.Parse(submittedBody).RootElement.GetProperty("docStatus").GetString());

        // Submitted: nobody changes or deletes it, the administrator included; it is not submitted twice.
        var sealedOne = await ReadAsync(clerk, id);
        var (changed, changedBody) = await SendAsync(clerk, HttpMethod.Patch, $"/odata/goods_receipt({id})", """{ "supplier": "别家" }""");
        Assert.Equal(HttpStatusCode.Conflict, changed);
        Assert.Contains("单据已提交，不能修改或删除", changedBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(admin, HttpMethod.Patch, $"/odata/goods_receipt({id})", """{ "supplier": "别家" }""")).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(admin, HttpMethod.Delete, $"/odata/goods_receipt({id})")).Status);
        var (twice, twiceBody) = await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/submit", $$"""{ "version": {{Version(sealedOne)}} }""");
        Assert.Equal(HttpStatusCode.Conflict, twice);
        Assert.Contains("只有草稿可以提交", twiceBody, StringComparison.Ordinal);

        // Cancelling is the supervisor's: the clerk may not; the cancelled receipt is kept, its history says who did what.
        var (notHers, notHersBody) = await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/cancel", $$"""{ "version": {{Version(sealedOne)}} }""");
        Assert.True(notHers == HttpStatusCode.Forbidden, notHersBody);
        var (cancelled, cancelledBody) = await SendAsync(boss, HttpMethod.Post, $"/api/records/goods_receipt/{id}/cancel", $$"""{ "version": {{Version(sealedOne)}} }""");
        Assert.True(cancelled == HttpStatusCode.OK, cancelledBody);
        var trail = await admin.GetStringAsync($"/api/audit/goods_receipt/{id}");
        Assert.Contains("submitted", trail, StringComparison.Ordinal);
        Assert.Contains("cancelled", trail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(clerk, HttpMethod.Patch, $"/odata/goods_receipt({id})", """{ "supplier": "别家" }""")).Status);

        // Amended: a new draft with the supplier and lines, a number of its own, pointing at the cancelled one.
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{await ODataRecords.CreateAsync(clerk, "goods_receipt", """{ "supplier": "草稿" }""")}/amend")).Status);
        var (amended, amendedBody) = await SendAsync(clerk, HttpMethod.Post, $"/api/records/goods_receipt/{id}/amend");
        Assert.True(amended == HttpStatusCode.Created, amendedBody);
        var copy = await ReadAsync(clerk, JsonDocument.Parse(amendedBody).RootElement.GetProperty("id").GetString()!);
        Assert.Equal(("draft", id, "宁波轴承厂", 250m), (copy.GetProperty("docStatus").GetString(), copy.GetProperty("amendedFrom").GetString(),
            copy.GetProperty("supplier").GetString(), copy.GetProperty("total").GetDecimal()));
        Assert.Equal(["6204 轴承", "油封"], copy.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("item").GetString()));
        Assert.NotEqual(sealedOne.GetProperty("number").GetString(), copy.GetProperty("number").GetString());
        Assert.Equal("cancelled", (await ReadAsync(clerk, id)).GetProperty("docStatus").GetString());

        // The new draft is changed as any draft is.
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(clerk, HttpMethod.Patch, $"/odata/goods_receipt({copy.GetProperty("id").GetString()})", """{ "supplier": "宁波轴承二厂" }""")).Status);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Only_submittable_entities_are_submitted_and_their_rights_are_offered_to_roles(string provider)
    {
        await using var host = await StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<Platform.Data.Records.SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var admin = await host.CreateAdminClientAsync();
        var product = await ODataRecords.CreateAsync(admin, "product", """{ "code": "P-1" }""");

        var (refused, body) = await SendAsync(admin, HttpMethod.Post, $"/api/records/product/{product}/submit", """{ "version": 1 }""");

        Assert.Equal(HttpStatusCode.BadRequest, refused);
        Assert.True(body.Contains("is not a document that is submitted", StringComparison.Ordinal) || body.Contains("不是需要提交的单据", StringComparison.Ordinal), body);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(admin, HttpMethod.Post, $"/api/records/goods_receipt/{Guid.NewGuid()}/submit", """{ "version": 1 }""")).Status);
    }
}
