using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Orders with their lines through OData: written in one request, read with <c>$expand</c>, described in <c>$metadata</c>.</summary>
public sealed class ODataLineItemTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");


    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_order_posted_with_lines_is_read_back_with_expand_of_lines_and_of_the_records_they_look_up(string provider)
    {
        await using var host = await LineItemTests.OrdersAsync(provider);
        var client = await host.CreateAdminClientAsync();
        var tea = await ODataRecords.CreateAsync(client, "item", """{ "name": "龙井茶" }""");
        var cup = await ODataRecords.CreateAsync(client, "item", """{ "name": "Cup" }""");
        var order = await ODataRecords.CreateAsync(client, "order", $$"""{ "title": "SO-1", "lines": [ { "item": "{{tea}}", "quantity": 2, "price": 88.8 }, { "item": "{{cup}}", "quantity": 6 } ] }""");
        await ODataRecords.CreateAsync(client, "order", $$"""{ "title": "SO-2", "lines": [ { "item": "{{cup}}", "quantity": 1 } ] }""");

        var page = await client.GetFromJsonAsync<JsonElement>("/odata/order?$orderby=title&$select=title&$expand=lines($select=quantity;$expand=itemRecord($select=name))");
        var orders = page.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["SO-1", "SO-2"], orders.Select(o => o.GetProperty("title").GetString()));
        var lines = orders[0].GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal([2L, 6L], lines.Select(l => l.GetProperty("quantity").GetInt64()));
        Assert.Equal(["龙井茶", "Cup"], lines.Select(l => l.GetProperty("itemRecord").GetProperty("name").GetString()));
        Assert.False(lines[0].TryGetProperty("price", out _));
        Assert.False(lines[0].TryGetProperty("item", out _)); // the lookup's record is expanded though its id is not selected
        Assert.Single(orders[1].GetProperty("lines").EnumerateArray());
        Assert.False(orders[0].TryGetProperty("rowVersion", out _));

        var single = await client.GetFromJsonAsync<JsonElement>($"/odata/order({order})?$expand=lines");
        Assert.Equal(88.8m, single.GetProperty("lines")[0].GetProperty("price").GetDecimal());
        Assert.Equal(1, single.GetProperty("lines")[0].GetProperty("lineNo").GetInt32());
        var withoutExpand = await client.GetFromJsonAsync<JsonElement>($"/odata/order({order})");
        Assert.False(withoutExpand.TryGetProperty("lines", out _));

        // Lines are filterable by their parent in their own entity set, and read-only there.
        var ofOrder = await client.GetFromJsonAsync<JsonElement>($"/odata/order_line?$filter=parentId eq {order}&$orderby=lineNo&$expand=itemRecord");
        Assert.Equal(["龙井茶", "Cup"], ofOrder.GetProperty("value").EnumerateArray().Select(l => l.GetProperty("itemRecord").GetProperty("name").GetString()));
        var alone = await client.PostAsync("/odata/order_line", Json($$"""{ "item": "{{tea}}", "quantity": 1 }"""));
        Assert.Equal(HttpStatusCode.BadRequest, alone.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Patching_lines_replaces_the_list_and_errors_name_the_line(string provider)
    {
        await using var host = await LineItemTests.OrdersAsync(provider);
        var client = await host.CreateAdminClientAsync();
        var tea = await ODataRecords.CreateAsync(client, "item", """{ "name": "Tea" }""");
        var order = await ODataRecords.CreateAsync(client, "order", $$"""{ "lines": [ { "item": "{{tea}}", "quantity": 2 }, { "item": "{{tea}}", "quantity": 3 } ] }""");
        var read = await client.GetFromJsonAsync<JsonElement>($"/odata/order({order})?$expand=lines");
        var second = read.GetProperty("lines")[1];

        using var bad = new HttpRequestMessage(HttpMethod.Patch, $"/odata/order({order})") { Content = Json("""{ "lines": [ { "quantity": "many" } ] }""") };
        bad.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        var refused = await client.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var details = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()).ToList();
        Assert.Contains("lines[0].quantity", details);
        Assert.Contains("lines[0].item", details);

        // A client may send lines back as it read them, annotations and system fields included.
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"/odata/order({order})") { Content = Json($$"""{ "lines": [ {{second.GetRawText()[..^1]}}, "quantity": 5 } ] }""") };
        patch.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        var patched = await client.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var lines = (await patched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(second.GetProperty("id").GetString(), Assert.Single(lines).GetProperty("id").GetString());
        Assert.Equal(5, lines[0].GetProperty("quantity").GetInt64());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Metadata_describes_lines_and_lookup_records_as_navigation_properties_and_unsupported_expand_options_are_named(string provider)
    {
        await using var host = await LineItemTests.OrdersAsync(provider);
        var client = await host.CreateAdminClientAsync();

        var metadata = await client.GetStringAsync("/odata/$metadata");
        Assert.Contains("""<NavigationProperty Name="lines" Type="Collection(Platform.order_line)" />""", metadata, StringComparison.Ordinal);
        Assert.Contains("""<NavigationProperty Name="itemRecord" Type="Platform.item" />""", metadata, StringComparison.Ordinal);
        Assert.Contains("""<Property Name="lineNo" Type="Edm.Int32" Nullable="false" />""", metadata, StringComparison.Ordinal);

        var filtered = await client.GetAsync("/odata/order?$expand=lines($filter=quantity gt 1)");
        Assert.Equal(HttpStatusCode.BadRequest, filtered.StatusCode);
        var error = (await filtered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Contains("$filter", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("$expand", error.GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/odata/order?$expand=ghosts")).StatusCode);
    }
}
