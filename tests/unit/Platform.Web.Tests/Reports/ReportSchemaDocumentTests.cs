using System.Text.Json;
using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;

namespace Platform.Web.Tests.Reports;

/// <summary>The published JSON Schema of report definitions names exactly what the reports module reads.</summary>
public sealed class ReportSchemaDocumentTests
{
    private static readonly JsonElement Schema = JsonDocument.Parse(File.ReadAllText(
        Path.Combine(Platform.Tests.RepositoryFolder.Root, "docs", "schemas", "report.schema.json"))).RootElement;

    [Fact]
    public void The_schema_lists_every_property_of_a_definition_a_group_a_measure_and_a_period()
    {
        Assert.Equal(Names<ReportDefinition>(), Properties(Schema));
        Assert.Equal(Names<ReportGroup>(), Properties(Schema.GetProperty("$defs").GetProperty("group")));
        Assert.Equal(Names<ReportMeasure>(), Properties(Schema.GetProperty("$defs").GetProperty("measure")));
        Assert.Equal(Names<ReportPeriod>(), Properties(Schema.GetProperty("$defs").GetProperty("period")));
    }

    [Fact]
    public void The_schema_offers_exactly_the_displays_charts_comparisons_ranges_functions_and_buckets_there_are()
    {
        Assert.Equal(ReportDefinition.Displays, Enum(Schema, "display"));
        Assert.Equal(ReportDefinition.Charts, Enum(Schema, "chart"));
        Assert.Equal(ReportDefinition.Comparisons, Enum(Schema, "compare"));
        var defs = Schema.GetProperty("$defs");
        Assert.Equal(ReportDefinition.Formats, Enum(defs.GetProperty("measure"), "format"));
        Assert.Equal(ReportPeriod.Ranges, Enum(defs.GetProperty("period"), "range"));
        Assert.Equal(System.Enum.GetNames<MeasureFunction>().Select(Camel), Enum(defs.GetProperty("measure"), "function"));
        Assert.Equal(System.Enum.GetNames<DateBucket>().Select(Camel), Enum(defs.GetProperty("group"), "bucket"));
        Assert.Equal(RecordAggregation.MostMeasures, Schema.GetProperty("properties").GetProperty("measures").GetProperty("maxItems").GetInt32());
    }

    [Fact]
    public void The_dashboard_schema_lists_every_property_of_a_dashboard_and_a_widget_and_its_filters()
    {
        var dashboard = JsonDocument.Parse(File.ReadAllText(Path.Combine(Platform.Tests.RepositoryFolder.Root, "docs", "schemas", "dashboard.schema.json"))).RootElement;

        Assert.Equal(Names<DashboardDefinition>(), Properties(dashboard));
        Assert.Equal(Names<DashboardWidget>(), Properties(dashboard.GetProperty("$defs").GetProperty("widget")));
        Assert.Equal(DashboardDefinition.FilterKinds, dashboard.GetProperty("properties").GetProperty("filters").GetProperty("items").GetProperty("enum").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(Platform.Reports.Services.SavedDashboards.MostWidgets, dashboard.GetProperty("properties").GetProperty("widgets").GetProperty("maxItems").GetInt32());
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static IEnumerable<string> Names<T>() =>
        typeof(T).GetProperties().Where(p => p.CanWrite).Select(p => Camel(p.Name)).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Properties(JsonElement type) =>
        type.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Enum(JsonElement type, string property) =>
        type.GetProperty("properties").GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!);
}
