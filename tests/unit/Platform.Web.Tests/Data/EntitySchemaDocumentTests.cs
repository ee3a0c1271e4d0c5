using System.Text.Json;
using Platform.Core.Metadata;
using Platform.Web.Tests.Localization;

namespace Platform.Web.Tests.Data;

/// <summary>The published JSON Schema of entity documents lists exactly the field types the engine knows.</summary>
public sealed class EntitySchemaDocumentTests
{
    [Fact]
    public void The_published_schema_names_every_field_type_and_no_other()
    {
        var path = Path.Combine(Platform.Tests.RepositoryFolder.Root, "docs", "schemas", "entity.schema.json");
        using var schema = JsonDocument.Parse(File.ReadAllText(path));

        var types = schema.RootElement.GetProperty("$defs").GetProperty("field").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal);

        Assert.Equal(FieldTypes.All.Keys.Order(StringComparer.Ordinal), types);
    }

    [Fact]
    public void A_document_round_trips_through_json_without_losing_anything()
    {
        var json = """
            { "name": "customer", "label": { "zh-CN": "客户", "en": "Customer" }, "titleField": "name",
              "fields": [ { "name": "name", "type": "text", "label": { "en": "Name" }, "required": true, "maxLength": 80 },
                          { "name": "grade", "type": "choice", "label": { "en": "Grade" }, "choices": [ { "value": "vip", "label": { "en": "VIP" }, "color": "#c62828" } ] } ] }
            """;

        var entity = MetadataJson.Read(json);
        var again = MetadataJson.Read(MetadataJson.Write(entity));

        Assert.Equal(MetadataJson.Write(entity), MetadataJson.Write(again));
        Assert.Equal("客户", again.Label.For("zh-CN"));
        Assert.Equal("Customer", again.Label.For("en-GB"));
        Assert.Equal(80, again.Field("NAME")!.MaxLength);
        Assert.Equal("#c62828", again.Field("grade")!.Choices![0].Color);
        Assert.Contains("客户", MetadataJson.Write(entity), StringComparison.Ordinal);
        Assert.DoesNotContain("\"unique\"", MetadataJson.Write(entity), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_members_are_refused_with_their_path()
    {
        var error = Assert.Throws<JsonException>(() => MetadataJson.Read("""{ "name": "x", "fields": [ { "name": "a", "colour": "red" } ] }"""));

        Assert.Equal("$.fields[0].colour", error.Path);
    }
}
