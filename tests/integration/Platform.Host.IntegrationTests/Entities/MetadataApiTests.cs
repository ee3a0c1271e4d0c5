using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Core.Metadata;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>/api/metadata/entities takes the same JSON documents app packages hold.</summary>
public sealed class MetadataApiTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static StringContent Document(EntityDefinition entity) => Json(MetadataJson.Write(entity));

    private static async Task<List<(string Path, string Message)>> ErrorsOf(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("path").GetString()!, e.GetProperty("message").GetString()!)).ToList();
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Put_creates_then_changes_an_entity_and_get_returns_its_document(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();

        var created = await admin.PutAsync("/api/metadata/entities/product", Document(EntitySamples.Product()));
        var changedDocument = EntitySamples.Product();
        changedDocument.Fields.Add(EntitySamples.Field("spec", "text", "规格", "Specification"));
        var preview = await admin.PutAsync("/api/metadata/entities/product?dryRun=true", Document(changedDocument));
        var afterPreview = await admin.GetFromJsonAsync<EntityDefinition>("/api/metadata/entities/product", MetadataJson.Options);
        var changed = await admin.PutAsync("/api/metadata/entities/product", Document(changedDocument));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewBody = await preview.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(previewBody.GetProperty("applied").GetBoolean());
        Assert.Contains("f_spec", previewBody.GetProperty("sql").EnumerateArray().Single().GetString(), StringComparison.Ordinal);
        Assert.Null(afterPreview!.Field("spec"));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var current = await admin.GetFromJsonAsync<EntityDefinition>("/api/metadata/entities/PRODUCT", MetadataJson.Options);
        Assert.Equal("f_spec", current!.Field("spec")!.Column);
        Assert.Equal("产品", current.Label["zh-CN"]);
        var history = await admin.GetFromJsonAsync<JsonElement>("/api/metadata/entities/product/history");
        Assert.Equal(2, history.GetArrayLength());
        var all = await admin.GetFromJsonAsync<List<EntityDefinition>>("/api/metadata/entities", MetadataJson.Options) ?? [];
        Assert.Contains(all, e => e.Name == "product" && e.Field("spec") is not null);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Malformed_documents_get_400_naming_the_json_path_and_write_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();

        var wrongType = await admin.PutAsync("/api/metadata/entities/product", Json("""{ "name": "product", "fields": [ { "name": "a", "type": "text", "maxLength": "long" } ] }"""));
        var unknownMember = await admin.PutAsync("/api/metadata/entities/product", Json("""{ "name": "product", "colour": "red", "fields": [] }"""));
        var notJson = await admin.PutAsync("/api/metadata/entities/product", Json("""{ "name": "product", "fields": [ { "name": """));
        var mismatch = await admin.PutAsync("/api/metadata/entities/customer", Document(EntitySamples.Product()));
        var invalid = await admin.PutAsync("/api/metadata/entities/product", Json("""{ "name": "product", "label": { "en": "P" }, "fields": [ { "name": "drop", "type": "text", "label": { "en": "x" } }, { "name": "b", "type": "blob", "label": { "en": "y" } } ] }"""));

        Assert.Equal("$.fields[0].maxLength", (await ErrorsOf(wrongType)).Single().Path);
        Assert.Contains("colour", (await ErrorsOf(unknownMember)).Single().Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("$.name", (await ErrorsOf(mismatch)).Single().Path);
        Assert.Equal(["$.fields[0].name", "$.fields[1].type"], (await ErrorsOf(invalid)).Select(e => e.Path));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/metadata/entities/product")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/metadata/entities/customer")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Only_holders_of_the_permission_change_metadata_but_everyone_signed_in_reads_it(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();
        await admin.PutAsync("/api/metadata/entities/product", Document(EntitySamples.Product()));
        await Accounts.CreateUserAsync(host, "sales", "Sales-passw0rd1");
        var sales = await host.CreateClientForAsync("sales", "Sales-passw0rd1");

        Assert.Equal(HttpStatusCode.OK, (await sales.GetAsync("/api/metadata/entities/product")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PutAsync("/api/metadata/entities/product", Document(EntitySamples.Product()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateAnonymousClient().GetAsync("/api/metadata/entities")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_oversized_document_is_refused_before_it_is_read(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();
        var huge = EntitySamples.Product();
        huge.Description = new string('x', 2 * 1024 * 1024);

        var response = await admin.PutAsync("/api/metadata/entities/product", Document(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/metadata/entities/product")).StatusCode);
    }
}
