using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Apps.CrmPackageTests;

namespace Platform.Host.IntegrationTests.RecordApi;

/// <summary>
/// The OpenAPI document (<c>/api/openapi/v1.json</c>) describes every entity's records from its metadata as it is now — paths,
/// typed fields, choices, lines — and every module's endpoints; for signed-in callers only, and to each only what they may read
/// and do: a salesperson's document has no product costs and no way to delete products. An entity added in the designer is in
/// the next document. Every reference in it leads somewhere.
/// </summary>
public sealed class ApiDocumentTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_document_describes_each_entity_the_caller_may_read_with_its_fields_and_what_they_may_do_with_it(string provider)
    {
        var team = await StartAsync(provider);
        await using var _ = team.Host;
        Assert.Equal(HttpStatusCode.Unauthorized, (await team.Host.CreateAnonymousClient().GetAsync("/api/openapi/v1.json")).StatusCode);

        var admin = await DocumentAsync(team.Admin);
        Assert.StartsWith("3.1", admin.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var paths = admin.GetProperty("paths");
        Assert.Equal(["get", "post"], Operations(paths, "/odata/sales_order"));
        Assert.Equal(["get", "patch", "delete"], Operations(paths, "/odata/sales_order({id})"));
        Assert.Contains("$filter", paths.GetProperty("/odata/sales_order").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Contains("If-Match", paths.GetProperty("/odata/sales_order({id})").GetProperty("patch").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        // The other modules' endpoints, by the names they are mapped with.
        foreach (var path in new[] { "/api/print/templates/{template}/records/{id}.pdf", "/api/auth/token", "/odata/$metadata" })
        {
            Assert.True(paths.TryGetProperty(path, out var _), $"{path} is not in the document");
        }

        var order = Schema(admin, "sales_order");
        Assert.Equal("销售订单 / Sales order", order.GetProperty("title").GetString());
        Assert.Contains("customer", order.GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        var fields = order.GetProperty("properties");
        Assert.Equal("date", fields.GetProperty("orderDate").GetProperty("format").GetString());
        Assert.Equal("uuid", fields.GetProperty("customer").GetProperty("format").GetString());
        Assert.Contains("approved", fields.GetProperty("status").GetProperty("enum").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? null : v.GetString()));
        Assert.True(fields.GetProperty("orderNumber").GetProperty("readOnly").GetBoolean());
        Assert.True(fields.GetProperty("total").GetProperty("readOnly").GetBoolean());
        Assert.Equal("#/components/schemas/sales_order_line", fields.GetProperty("lines").GetProperty("items").GetProperty("$ref").GetString());
        Assert.Equal("decimal", Schema(admin, "sales_order_line").GetProperty("properties").GetProperty("quantity").GetProperty("format").GetString());
        Assert.True(Schema(admin, "product").GetProperty("properties").TryGetProperty("cost", out var _));

        // Every reference leads to a schema of the document; every operation has its own id.
        var schemas = admin.GetProperty("components").GetProperty("schemas");
        foreach (var reference in References(admin).Where(r => r.StartsWith("#/components/schemas/", StringComparison.Ordinal)))
        {
            Assert.True(schemas.TryGetProperty(reference["#/components/schemas/".Length..], out var _), $"{reference} leads nowhere");
        }

        var ids = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out var _))
            .Select(o => o.Value.GetProperty("operationId").GetString())).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());

        // A salesperson: products to read, without their cost, and nothing to change or delete there.
        var li = await DocumentAsync(team.Li);
        Assert.Equal(["get"], Operations(li.GetProperty("paths"), "/odata/product"));
        Assert.Equal(["get"], Operations(li.GetProperty("paths"), "/odata/product({id})"));
        Assert.False(Schema(li, "product").GetProperty("properties").TryGetProperty("cost", out var _));
        Assert.True(Schema(li, "product").GetProperty("properties").TryGetProperty("price", out var _));

        // An entity added now is in the next document.
        var added = await team.Admin.PutAsync("/api/metadata/entities/visit_log", new StringContent("""
            { "name": "visit_log", "label": { "zh-CN": "拜访记录", "en": "Visit log" },
              "fields": [ { "name": "subject", "type": "text", "label": { "zh-CN": "主题", "en": "Subject" }, "required": true },
                          { "name": "minutes", "type": "integer", "label": { "zh-CN": "时长", "en": "Minutes" } } ] }
            """, Encoding.UTF8, "application/json"));
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        var again = await DocumentAsync(team.Admin);
        Assert.Equal(["get", "post"], Operations(again.GetProperty("paths"), "/odata/visit_log"));
        Assert.Equal("int64", Schema(again, "visit_log").GetProperty("properties").GetProperty("minutes").GetProperty("format").GetString());
    }

    private static async Task<JsonElement> DocumentAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/openapi/v1.json");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Schema(JsonElement document, string name) => document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    private static List<string> Operations(JsonElement paths, string path) =>
        [.. paths.GetProperty(path).EnumerateObject().Select(o => o.Name).Where(n => n is "get" or "post" or "put" or "patch" or "delete")];

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };
}
