using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>OData queries run in the database and return exactly the expected rows.</summary>
public sealed class ODataQueryTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly (string Code, string Name, decimal? Price, long? Stock, string? Launched, bool? Active, string? Status)[] Products =
    [
        ("P-1", "羊毛衫", 199.99m, 5, "2026-03-05", true, "sale"),
        ("P-2", "棉衬衫", 89.5m, 40, "2025-11-20", true, "sale"),
        ("P-3", "羽绒服", 899m, 0, null, false, "draft"),
        ("P-4", "Wool scarf", 59m, 12, "2026-01-15", true, null),
        ("P-5", "Silk tie", 120m, null, "2024-06-01", null, "draft"),
        ("Q-9", "样品", null, 3, "2026-12-31", false, "sale"),
    ];

    private static async Task<(PlatformHost Host, HttpClient Client, Dictionary<string, Guid> Ids)> SeededAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var ids = new Dictionary<string, Guid>();
        foreach (var p in Products)
        {
            var values = new Dictionary<string, object?>
            {
                ["code"] = p.Code, ["name"] = p.Name, ["price"] = p.Price, ["stock"] = p.Stock,
                ["launched"] = p.Launched, ["active"] = p.Active, ["status"] = p.Status,
            };
            var result = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", values, new Actor("u1", "admin")));
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            ids[p.Code] = (Guid)result.Record!["id"]!;
        }

        return (host, await host.CreateAdminClientAsync(), ids);
    }

    private static async Task<List<string>> CodesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/odata/product?{query}");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToList();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Filters_of_every_supported_kind_return_exactly_the_matching_rows(string provider)
    {
        var (host, client, _) = await SeededAsync(provider);
        await using var _ = host;

        var cases = new (string Filter, string[] Expected)[]
        {
            ("price gt 100", ["P-1", "P-3", "P-5"]),
            ("price le 89.5", ["P-2", "P-4"]),
            ("stock eq 0", ["P-3"]),
            ("stock ne 0 and active eq true", ["P-1", "P-2", "P-4"]),
            ("active eq false or status eq 'draft'", ["P-3", "P-5", "Q-9"]),
            ("not (stock lt 10)", ["P-2", "P-4", "P-5"]), // OData: a comparison with null is false, so its negation is true
            ("contains(name,'衫')", ["P-1", "P-2"]),
            ("startswith(code,'Q')", ["Q-9"]),
            ("endswith(name,'tie')", ["P-5"]),
            ("status in ('draft','sale')", ["P-1", "P-2", "P-3", "P-5", "Q-9"]),
            ("status eq null", ["P-4"]),
            ("launched ne null and price eq null", ["Q-9"]),
            ("year(launched) eq 2026", ["P-1", "P-4", "Q-9"]),
            ("month(launched) eq 11", ["P-2"]),
            ("launched ge 2026-01-01 and launched lt 2026-12-31", ["P-1", "P-4"]),
            ("name gt 'W'", ["P-1", "P-2", "P-3", "P-4", "Q-9"]),
            ("tolower(name) eq 'silk tie'", ["P-5"]),
        };
        foreach (var (filter, expected) in cases)
        {
            var codes = await CodesAsync(client, $"$filter={Uri.EscapeDataString(filter)}&$orderby=code");
            Assert.True(expected.SequenceEqual(codes), $"{filter}: expected {string.Join(",", expected)} got {string.Join(",", codes)}");
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Order_paging_count_and_select_shape_the_result(string provider)
    {
        var (host, client, ids) = await SeededAsync(provider);
        await using var _ = host;

        Assert.Equal(["P-1", "P-5", "P-2"], await CodesAsync(client, "$orderby=price desc,code&$top=3&$skip=1&$filter=price ne null"));
        Assert.Equal(["P-1", "P-2", "P-4"], await CodesAsync(client, "$filter=active eq true&$orderby=code"));
        var counted = await client.GetFromJsonAsync<JsonElement>("/odata/product?$count=true&$top=1&$filter=status eq 'sale'");
        Assert.Equal(3, counted.GetProperty("@odata.count").GetInt64());
        Assert.Single(counted.GetProperty("value").EnumerateArray());
        var selected = await client.GetFromJsonAsync<JsonElement>("/odata/product?$select=code,price&$filter=code eq 'P-1'");
        var row = selected.GetProperty("value")[0];
        Assert.Equal(["id", "code", "price"], row.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).Reverse().OrderBy(n => n == "id" ? 0 : n == "code" ? 1 : 2));
        Assert.Equal(199.99m, row.GetProperty("price").GetDecimal());
        var single = await client.GetFromJsonAsync<JsonElement>($"/odata/product({ids["P-3"]})");
        Assert.Equal("羽绒服", single.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, single.GetProperty("launched").ValueKind);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Moments_sort_and_compare_in_time_order_whatever_offset_they_are_given_in(string provider)
    {
        var (host, client, ids) = await SeededAsync(provider);
        await using var _ = host;
        foreach (var (code, at) in new[] { ("P-1", "2026-03-05T10:30:00+08:00"), ("P-2", "2026-03-05T03:00:00Z"), ("P-3", "2026-03-04T20:00:00-05:00") })
        {
            var (status, body) = await ApiCalls.SendAsync(client, HttpMethod.Patch, $"/odata/product({ids[code]})", $$"""{ "reviewedAt": "{{at}}" }""");
            Assert.True(status == HttpStatusCode.OK, body);
        }

        // In UTC: P-1 02:30 on the 5th, P-3 01:00 on the 5th, P-2 03:00 on the 5th.
        Assert.Equal(["P-3", "P-1", "P-2"], await CodesAsync(client, "$filter=reviewedAt ne null&$orderby=reviewedAt"));
        Assert.Equal(["P-2", "P-1"], await CodesAsync(client, "$filter=reviewedAt gt 2026-03-05T09:00:00%2B08:00&$orderby=reviewedAt desc"));
        Assert.Equal(["P-3"], await CodesAsync(client, "$filter=reviewedAt lt 2026-03-05T02:00:00Z"));
        var newest = await CodesAsync(client, "$orderby=createdAt desc,code desc&$top=2");
        Assert.Equal(2, newest.Count);
        Assert.Equal(6, (await CodesAsync(client, "$filter=updatedAt ge 2020-01-01T00:00:00Z")).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Metadata_describes_every_entity_for_odata_clients(string provider)
    {
        var (host, client, _) = await SeededAsync(provider);
        await using var _ = host;

        var metadata = await client.GetStringAsync("/odata/$metadata");
        var service = await client.GetFromJsonAsync<JsonElement>("/odata/");

        Assert.Contains("<EntityType Name=\"product\">", metadata, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"price\" Type=\"Edm.Decimal\" Precision=\"19\" Scale=\"4\" />", metadata, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"code\" Type=\"Edm.String\" MaxLength=\"40\" />", metadata, StringComparison.Ordinal);
        Assert.Contains("<Property Name=\"launched\" Type=\"Edm.Date\" />", metadata, StringComparison.Ordinal);
        Assert.Contains("<EntitySet Name=\"product\" EntityType=\"Platform.product\" />", metadata, StringComparison.Ordinal);
        Assert.Contains(service.GetProperty("value").EnumerateArray(), s => s.GetProperty("name").GetString() == "product");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bad_queries_get_an_odata_error_that_says_what_is_wrong(string provider)
    {
        var (host, client, _) = await SeededAsync(provider);
        await using var _ = host;

        var cases = new (string Url, HttpStatusCode Status, string Says)[]
        {
            ("/odata/product?$filter=nosuch eq 1", HttpStatusCode.BadRequest, "nosuch"),
            ("/odata/product?$filter=price eq 'cheap'", HttpStatusCode.BadRequest, "price"),
            ("/odata/product?$filter=price gt", HttpStatusCode.BadRequest, "price gt"),
            ("/odata/product?$filter=code eq 'x'; DROP TABLE e_product; --'", HttpStatusCode.BadRequest, ""),
            ("/odata/product?$orderby=nosuch", HttpStatusCode.BadRequest, "nosuch"),
            ("/odata/product?$top=-1", HttpStatusCode.BadRequest, "$top"),
            ("/odata/product?$filter=substringof('a',name)", HttpStatusCode.BadRequest, "substringof"),
            ("/odata/ghosts", HttpStatusCode.NotFound, "ghosts"),
        };
        foreach (var (url, status, says) in cases)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == status, $"{url}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.True(error.GetProperty("message").GetString()!.Contains(says, StringComparison.Ordinal), $"{url}: {error}");
        }

        Assert.Equal(6, (await CodesAsync(client, "$orderby=code")).Count); // the table is still there
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateAnonymousClient().GetAsync("/odata/product")).StatusCode);
    }
}
