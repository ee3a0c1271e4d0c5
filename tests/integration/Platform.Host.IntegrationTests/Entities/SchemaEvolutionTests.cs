using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Renaming fields (the column stays, no SQL) and changing types where every value converts (else
/// refused naming the records in the way); the data follows every change.
/// </summary>
public sealed class SchemaEvolutionTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<SchemaChangeResult> ApplyAsync(PlatformHost host, EntityDefinition entity, bool dryRun = false) =>
        host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(entity, "admin", dryRun));

    private static Task<EntityDefinition> CurrentAsync(PlatformHost host) =>
        host.InScopeAsync(async s => MetadataJson.Copy((await s.GetRequiredService<SchemaManager>().LoadSchemaAsync()).Find("product")!));

    private static async Task<Guid> CreateAsync(PlatformHost host, Dictionary<string, object?> values)
    {
        var result = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", values, Admin));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (Guid)result.Record!["id"]!;
    }

    private static Task<IReadOnlyDictionary<string, object?>?> GetAsync(PlatformHost host, Guid id) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync("product", id));

    private static async Task<PlatformHost> ProductsAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var created = await ApplyAsync(host, EntitySamples.Product());
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return host;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Renaming_a_field_keeps_its_column_and_values_and_runs_no_sql(string provider)
    {
        await using var host = await ProductsAsync(provider);
        var id = await CreateAsync(host, new() { ["code"] = "P-1", ["name"] = "羊毛衫", ["notes"] = "soft" });
        var renamed = await CurrentAsync(host); // documents read back carry each field's column
        renamed.Field("name")!.Name = "productName";
        renamed.TitleField = "productName";
        renamed.Fields.Add(EntitySamples.Field("name", "text", "别名", "Alias")); // the old name, now a new field

        var result = await ApplyAsync(host, renamed);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.All(result.Sql, s => Assert.DoesNotContain("f_name\"", s.Replace("f_name_2", "", StringComparison.Ordinal), StringComparison.Ordinal));
        var record = (await GetAsync(host, id))!;
        Assert.Equal("羊毛衫", record["productName"]);
        Assert.Null(record["name"]);
        var definition = await CurrentAsync(host);
        Assert.Equal("f_name", definition.Field("productName")!.Column);
        Assert.NotEqual("f_name", definition.Field("name")!.Column);
        Assert.DoesNotContain(definition.Fields, f => f.Removed);

        var client = await host.CreateAdminClientAsync();
        var found = await client.GetFromJsonAsync<JsonElement>("/odata/product?$filter=productName eq '羊毛衫'");
        Assert.Single(found.GetProperty("value").EnumerateArray());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Text_that_holds_numbers_becomes_an_integer_field_with_every_value_converted(string provider)
    {
        await using var host = await ProductsAsync(provider);
        var twelve = await CreateAsync(host, new() { ["code"] = "P-1", ["name"] = "12" });
        var empty = await CreateAsync(host, new() { ["code"] = "P-2" });
        var changed = await CurrentAsync(host);
        changed.Field("name")!.Type = "integer";
        changed.Field("name")!.Min = 0;

        var dryRun = await ApplyAsync(host, changed, dryRun: true);
        Assert.Equal(2, dryRun.RowsAffected);
        Assert.NotEmpty(dryRun.Sql);
        Assert.Equal("text", (await CurrentAsync(host)).Field("name")!.Type);

        var result = await ApplyAsync(host, changed);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(12L, (await GetAsync(host, twelve))!["name"]);
        Assert.Null((await GetAsync(host, empty))!["name"]);
        var client = await host.CreateAdminClientAsync();
        var found = await client.GetFromJsonAsync<JsonElement>("/odata/product?$filter=name gt 10");
        Assert.Equal(12, Assert.Single(found.GetProperty("value").EnumerateArray()).GetProperty("name").GetInt64());
        Assert.Equal(2, (await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().HistoryAsync("product"))).Count);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_type_change_is_refused_naming_the_records_whose_values_do_not_convert_and_nothing_changes(string provider)
    {
        await using var host = await ProductsAsync(provider);
        await CreateAsync(host, new() { ["code"] = "P-1", ["name"] = "12" });
        var wool = await CreateAsync(host, new() { ["code"] = "P-2", ["name"] = "羊毛衫", ["weight"] = 1.25m });
        var changed = await CurrentAsync(host);
        changed.Field("name")!.Type = "integer";
        changed.Field("weight")!.Type = "integer";
        changed.Field("weight")!.Precision = null;
        changed.Field("weight")!.Scale = null;
        changed.Field("code")!.MaxLength = 2;

        var result = await ApplyAsync(host, changed);

        Assert.Equal(["$.fields[0].type", "$.fields[1].type", "$.fields[4].type"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        var name = result.Errors.Single(e => e.Path == "$.fields[1].type").Message;
        Assert.Contains("1 record(s)", name, StringComparison.Ordinal);
        Assert.Contains("'羊毛衫'", name, StringComparison.Ordinal);
        Assert.Contains("1.25", result.Errors.Single(e => e.Path == "$.fields[4].type").Message, StringComparison.Ordinal);
        Assert.Contains("'P-1'", result.Errors.Single(e => e.Path == "$.fields[0].type").Message.Replace("(P-1)", "'P-1'", StringComparison.Ordinal), StringComparison.Ordinal);
        var record = (await GetAsync(host, wool))!;
        Assert.Equal("羊毛衫", record["name"]);
        Assert.Equal(1.25m, record["weight"]);
        Assert.Equal("text", (await CurrentAsync(host)).Field("name")!.Type);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Columns_in_documents_must_be_ones_the_platform_assigns(string provider)
    {
        await using var host = await ProductsAsync(provider);
        var hostile = await CurrentAsync(host);
        hostile.Field("name")!.Column = "owner_id";
        hostile.Field("notes")!.Column = "f_code";

        var result = await ApplyAsync(host, hostile);

        Assert.Equal(["$.fields[1].column", "$.fields[2].column"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Renaming_an_entity_keeps_its_table_records_history_numbers_lookups_lines_and_granted_permissions(string provider)
    {
        await using var host = await LineItemTests.OrdersAsync(provider);
        await Accounts.CreateRoleAsync(host, "Clerk", "Records.order.Read.All", "Records.item.Create");
        var client = await host.CreateAdminClientAsync();
        var item = await client.PostAsJsonAsync("/odata/item", new { name = "Tea" });
        var itemId = (await item.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var order = await client.PostAsJsonAsync("/odata/order", new { title = "SO-1", lines = new[] { new { item = itemId, quantity = 2 } } });
        var orderId = (await order.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var document = await client.GetFromJsonAsync<JsonElement>("/api/metadata/entities/item");
        var renamed = document.GetRawText().Replace("\"name\":\"item\"", "\"name\":\"goods\"", StringComparison.Ordinal);

        var put = await client.PutAsync("/api/metadata/entities/item", new StringContent(renamed, System.Text.Encoding.UTF8, "application/json"));

        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var change = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(change.GetProperty("sql").EnumerateArray());
        Assert.Equal("Tea", (await client.GetFromJsonAsync<JsonElement>($"/odata/goods({itemId})")).GetProperty("name").GetString());
        var lines = await client.GetFromJsonAsync<JsonElement>($"/odata/order({orderId})?$expand=lines($expand=itemRecord)");
        Assert.Equal("Tea", lines.GetProperty("lines")[0].GetProperty("itemRecord").GetProperty("name").GetString());
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/odata/item")).StatusCode);
        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.Equal("goods", schema.Find("order_line")!.Field("item")!.Target);
        Assert.Equal(2, (await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().HistoryAsync("goods"))).Count);
        Assert.Single((await client.GetFromJsonAsync<JsonElement>($"/api/audit/goods/{itemId}")).EnumerateArray());
        var permissions = await host.InScopeAsync(s => s.GetRequiredService<Platform.Data.PlatformDbContext>().RoleClaims.Select(c => c.ClaimValue).ToListAsync());
        Assert.Contains("Records.goods.Create", permissions);
        Assert.DoesNotContain("Records.item.Create", permissions);
    }
}
