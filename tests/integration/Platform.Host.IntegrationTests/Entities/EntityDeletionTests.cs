using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Core.Metadata;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>DELETE /api/metadata/entities/{name}: only an entity nobody uses and that holds no records.</summary>
public sealed class EntityDeletionTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_entity_with_records_or_lookups_pointing_at_it_is_kept_and_an_unused_one_is_deleted(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = await host.CreateAdminClientAsync();
        var order = new EntityDefinition
        {
            Name = "order", Label = LocalizedText.Of("订单", "Order"),
            Fields = [EntitySamples.Field("product", "lookup", "产品", "Product", f => f.Target = "product")],
        };
        await client.PutAsync("/api/metadata/entities/product", JsonContent.Create(EntitySamples.Product(), options: MetadataJson.Options));
        await client.PutAsync("/api/metadata/entities/order", JsonContent.Create(order, options: MetadataJson.Options));

        var lookedUp = await client.DeleteAsync("/api/metadata/entities/product");
        Assert.Equal(HttpStatusCode.BadRequest, lookedUp.StatusCode);
        Assert.Contains("order.product", await lookedUp.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = (await (await client.PostAsJsonAsync("/odata/order", new { })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var delete = new HttpRequestMessage(HttpMethod.Delete, $"/odata/order({id})");
        await client.SendAsync(delete);
        var inBin = await client.DeleteAsync("/api/metadata/entities/order");
        Assert.Equal(HttpStatusCode.BadRequest, inBin.StatusCode);
        Assert.Contains("recycle bin", await inBin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var preview = await client.DeleteAsync("/api/metadata/entities/product?dryRun=true");
        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode); // still looked up by order

        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/metadata/entities/ghost")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_an_empty_entity_drops_its_table_and_records_it_in_the_history(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = await host.CreateAdminClientAsync();
        await client.PutAsync("/api/metadata/entities/product", JsonContent.Create(EntitySamples.Product(), options: MetadataJson.Options));

        var preview = await client.DeleteAsync("/api/metadata/entities/product?dryRun=true");
        var deleted = await client.DeleteAsync("/api/metadata/entities/product");

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("e_product", await preview.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/metadata/entities/product")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/odata/product")).StatusCode);
        var history = await client.GetFromJsonAsync<JsonElement>("/api/metadata/entities/product/history");
        Assert.Equal("", history[1].GetProperty("after").GetString());
        var recreated = await client.PutAsync("/api/metadata/entities/product", JsonContent.Create(EntitySamples.Product(), options: MetadataJson.Options));
        Assert.Equal(HttpStatusCode.OK, recreated.StatusCode);
    }
}
