using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Removing a field hides it and keeps its data; only an explicit purge drops the column.</summary>
public sealed class FieldRemovalTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<SchemaChangeResult> ApplyAsync(PlatformHost host, Platform.Core.Metadata.EntityDefinition entity) =>
        host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(entity, "admin"));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_removed_field_disappears_from_records_and_the_api_and_comes_back_with_its_data(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        var client = await host.CreateAdminClientAsync();
        var created = await client.PostAsJsonAsync("/odata/product", new { code = "P-1", notes = "保留的备注" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var without = EntitySamples.Product();
        without.Fields.RemoveAll(f => f.Name == "notes");

        var removed = await ApplyAsync(host, without);
        var again = await ApplyAsync(host, without);

        Assert.True(removed.Succeeded, string.Join("; ", removed.Errors));
        Assert.Empty(removed.Sql);
        Assert.True(removed.Definition!.Field("notes")!.Removed);
        Assert.False(again.Applied);
        var record = await client.GetFromJsonAsync<JsonElement>($"/odata/product({id})");
        Assert.False(record.TryGetProperty("notes", out _));
        Assert.DoesNotContain("Name=\"notes\"", await client.GetStringAsync("/odata/$metadata"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/odata/product?$filter=notes eq 'x'")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/odata/product", new { code = "P-2", notes = "x" })).StatusCode);

        var restored = await ApplyAsync(host, EntitySamples.Product());

        Assert.True(restored.Succeeded);
        Assert.False(restored.Definition!.Field("notes")!.Removed);
        Assert.Equal("保留的备注", (await client.GetFromJsonAsync<JsonElement>($"/odata/product({id})")).GetProperty("notes").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Only_a_removed_field_can_be_purged_and_purging_keeps_the_other_data(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        var client = await host.CreateAdminClientAsync();
        await client.PostAsJsonAsync("/odata/product", new { code = "P-1", name = "羊毛衫", notes = "to be purged", price = 199.99 });

        var notRemoved = await client.PostAsync("/api/metadata/entities/product/fields/notes/purge", null);
        var without = EntitySamples.Product();
        without.Fields.RemoveAll(f => f.Name == "notes");
        await ApplyAsync(host, without);
        var preview = await client.PostAsync("/api/metadata/entities/product/fields/notes/purge?dryRun=true", null);
        var purged = await client.PostAsync("/api/metadata/entities/product/fields/notes/purge", null);

        Assert.Equal(HttpStatusCode.BadRequest, notRemoved.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(HttpStatusCode.OK, purged.StatusCode);
        var definition = await client.GetFromJsonAsync<JsonElement>("/api/metadata/entities/product");
        Assert.DoesNotContain(definition.GetProperty("fields").EnumerateArray(), f => f.GetProperty("name").GetString() == "notes");
        var rows = await client.GetFromJsonAsync<JsonElement>("/odata/product");
        var row = rows.GetProperty("value").EnumerateArray().Single();
        Assert.Equal(("P-1", "羊毛衫", 199.99m), (row.GetProperty("code").GetString(), row.GetProperty("name").GetString(), row.GetProperty("price").GetDecimal()));
        var history = await client.GetFromJsonAsync<JsonElement>("/api/metadata/entities/product/history");
        Assert.Equal(3, history.GetArrayLength());
        Assert.Contains("f_notes", history[2].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("f_notes", history[2].GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(history[2].GetProperty("sql").GetString())); // the column is dropped (SQLite rebuilds the table)
    }
}
