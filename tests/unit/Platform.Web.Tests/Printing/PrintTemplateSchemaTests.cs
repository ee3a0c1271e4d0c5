using System.Text.Json;
using Platform.Printing.Models;

namespace Platform.Web.Tests.Printing;

/// <summary>The published JSON Schema of print templates names exactly what the printing module reads, and offers exactly its papers and orientations.</summary>
public sealed class PrintTemplateSchemaTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(Platform.Tests.RepositoryFolder.Root, "docs", "schemas", "print-template.schema.json"))).RootElement;

    [Fact]
    public void The_schema_lists_every_property_of_a_template_and_its_margins()
    {
        Assert.Equal(Names<PrintTemplate>(), Properties(Schema));
        Assert.Equal(Names<PageMargins>(), Properties(Schema.GetProperty("properties").GetProperty("margins")));
    }

    [Fact]
    public void The_schema_offers_exactly_the_papers_and_orientations_there_are()
    {
        Assert.Equal(PrintTemplate.Papers, Schema.GetProperty("properties").GetProperty("paper").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(PrintTemplate.Orientations, Schema.GetProperty("properties").GetProperty("orientation").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static IEnumerable<string> Names<T>() =>
        typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => Camel(p.Name)).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Properties(JsonElement type) =>
        type.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
}
