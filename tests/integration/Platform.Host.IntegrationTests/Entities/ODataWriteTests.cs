using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>POST, PATCH with If-Match, and DELETE through OData, with the record service's checks behind them.</summary>
public sealed class ODataWriteTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(PlatformHost Host, HttpClient Client)> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        return (host, await host.CreateAdminClientAsync());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, url) { Content = Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Post_creates_patch_changes_with_the_etag_and_delete_removes(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;

        var created = await client.PostAsync("/odata/product", Json("""{ "code": "P-1", "name": "羊毛衫", "price": 199.99 }"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString();
        Assert.Equal("W/\"1\"", created.Headers.ETag!.ToString());
        Assert.EndsWith($"/odata/product({id})", created.Headers.Location!.ToString(), StringComparison.Ordinal);

        var patched = await PatchAsync(client, $"/odata/product({id})", """{ "price": 179, "@odata.etag": "W/\"1\"" }""", "W/\"1\"");
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal(179m, (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("price").GetDecimal());
        Assert.Equal("W/\"2\"", patched.Headers.ETag!.ToString());

        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/odata/product({id})");
        delete.Headers.TryAddWithoutValidation("If-Match", "W/\"2\"");
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/odata/product({id})")).StatusCode);
        var trail = await client.GetFromJsonAsync<JsonElement>($"/api/audit/product/{id}");
        Assert.Equal(["create", "update", "delete"], trail.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.All(trail.EnumerateArray(), a => Assert.Equal("admin", a.GetProperty("userName").GetString()));
        var price = trail.EnumerateArray().Single(a => a.GetProperty("action").GetString() == "update");
        Assert.Equal(("price", "199.99", "179"), (price.GetProperty("field").GetString(), price.GetProperty("oldValue").GetString(), price.GetProperty("newValue").GetString()));
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonElement>("/api/audit/product")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/audit/ghosts")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_stale_etag_gets_412_and_overwrites_nothing(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var id = (await (await client.PostAsync("/odata/product", Json("""{ "code": "P-1", "name": "first" }"""))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await PatchAsync(client, $"/odata/product({id})", """{ "name": "second" }""", "W/\"1\"");

        var stale = await PatchAsync(client, $"/odata/product({id})", """{ "name": "lost update" }""", "W/\"1\"");

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("second", (await client.GetFromJsonAsync<JsonElement>($"/odata/product({id})")).GetProperty("name").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Invalid_values_get_400_with_every_field_named_and_nothing_saved(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;

        var invalid = await client.PostAsync("/odata/product", Json("""{ "name": "x", "price": "lots", "status": "gone", "colour": "red" }"""));
        var notJson = await client.PostAsync("/odata/product", Json("""{ "code": """));
        var array = await client.PostAsync("/odata/product", Json("""[1,2]"""));
        var badEtag = await PatchAsync(client, $"/odata/product({Guid.NewGuid()})", "{}", "yesterday");
        var unknownSet = await client.PostAsync("/odata/ghosts", Json("{}"));
        var injection = await client.PostAsync("/odata/product", Json("""{ "code": "X'); DROP TABLE e_product; --", "name": "Robert'); DROP TABLE AspNetUsers;--" }"""));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var error = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Equal(["code", "colour", "price", "status"], error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, array.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEtag.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownSet.StatusCode);
        Assert.Equal(HttpStatusCode.Created, injection.StatusCode); // stored as plain text, harmlessly
        var all = await client.GetFromJsonAsync<JsonElement>("/odata/product");
        Assert.Equal("Robert'); DROP TABLE AspNetUsers;--", all.GetProperty("value").EnumerateArray().Single().GetProperty("name").GetString());
        await host.CreateAdminClientAsync();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_50_megabyte_payload_is_refused_and_writes_nothing(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;
        var huge = "{ \"code\": \"P-1\", \"notes\": \"" + new string('x', 50 * 1024 * 1024) + "\" }";

        var response = await client.PostAsync("/odata/product", Json(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/odata/product")).GetProperty("value").EnumerateArray());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_refusal_speaks_the_users_language_in_its_summary_and_details(string provider)
    {
        var (host, client) = await StartAsync(provider);
        await using var _ = host;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/odata/product") { Content = Json("""{ "code": "P-9", "stock": -1, "supportEmail": "nope" }""") };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var error = (await (await client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");

        Assert.Contains("未保存", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All(error.GetProperty("details").EnumerateArray(), d => Assert.DoesNotMatch("[A-Za-z]{4,}", d.GetProperty("message").GetString()!));
    }
}
