using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Records;
using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Services;

namespace Platform.Web.Tests.Reports;

/// <summary>The report builder offers exactly the fields the engine accepts for the person building: never one it would refuse, never a hidden one.</summary>
public sealed class ReportFieldsTests
{
    private static readonly EntityDefinition Order = new()
    {
        Name = "sales_order",
        Fields =
        [
            new() { Name = "orderNumber", Column = "orderNumber", Type = "text", Label = LocalizedText.Of("订单号", "Order number") },
            new() { Name = "stage", Column = "stage", Type = "choice", Choices = [new() { Value = "open" }] },
            new() { Name = "tags", Column = "tags", Type = "multiChoice", Choices = [new() { Value = "vip" }] },
            new() { Name = "notes", Column = "notes", Type = "longText" },
            new() { Name = "orderDate", Column = "orderDate", Type = "date" },
            new() { Name = "total", Column = "total", Type = "money" },
            new() { Name = "quantity", Column = "quantity", Type = "integer" },
            new() { Name = "margin", Column = "margin", Type = "money", Secured = true },
            new() { Name = "scan", Column = "scan", Type = "attachment" },
            new() { Name = "lines", Type = "lines", Target = "sales_order_line" },
            new() { Name = "gone", Column = "gone", Type = "text", Removed = true },
        ],
    };

    private static readonly FieldAccess Seller = FieldAccess.Of(Order, new RecordAccess(false, []));

    [Fact]
    public void Grouping_offers_fields_with_one_value_each_and_who_and_when_but_no_hidden_field_files_lines_or_long_text()
    {
        Assert.Equal(["orderNumber", "stage", "orderDate", "total", "quantity", "ownerId", "departmentId", "createdAt", "createdBy"],
            ReportFields.Groupable(Order, Seller, "zh-CN").Select(f => f.Name));
        Assert.Contains("margin", ReportFields.Groupable(Order, FieldAccess.Open, "zh-CN").Select(f => f.Name));
        Assert.Equal("订单号", ReportFields.Groupable(Order, Seller, "zh-CN")[0].Label);
        Assert.Equal("Order number", ReportFields.Groupable(Order, Seller, "en")[0].Label);
    }

    [Fact]
    public void Grouping_through_a_lookup_offers_the_looked_up_records_fields_the_person_may_see_headed_by_both()
    {
        var customer = new EntityDefinition
        {
            Name = "customer",
            Fields =
            [
                new() { Name = "name", Column = "name", Type = "text", Label = LocalizedText.Of("名称", "Name") },
                new() { Name = "region", Column = "region", Type = "text", Label = LocalizedText.Of("区域", "Region") },
                new() { Name = "creditLimit", Column = "creditLimit", Type = "money", Secured = true },
                new() { Name = "notes", Column = "notes", Type = "longText" },
            ],
        };
        var order = new EntityDefinition
        {
            Name = "order",
            Fields = [new() { Name = "customer", Column = "customer", Type = "lookup", Target = "customer", Label = LocalizedText.Of("客户", "Customer") }],
        };
        var schema = new RecordsSchema([order, customer]);
        var seller = FieldAccess.Of(customer, new RecordAccess(false, []));

        var offered = ReportFields.Through(order, FieldAccess.Open, "zh-CN", schema, _ => seller);
        Assert.Equal(["customer/name", "customer/region"], offered.Select(f => f.Name));
        Assert.Equal("客户 · 区域", offered[1].Label);
        Assert.Empty(ReportFields.Through(order, FieldAccess.Open, "zh-CN", schema, _ => null)); // customers they may not read
        foreach (var field in offered)
        {
            RecordAggregation.Check(schema, order, FieldAccess.Open, new AggregateRequest([new AggregateGroup(field.Name)], [new AggregateMeasure("n", MeasureFunction.Count)]));
        }
    }

    [Fact]
    public void Sums_and_averages_offer_numbers_the_least_and_greatest_numbers_and_dates_and_periods_dates()
    {
        Assert.Equal(["total", "quantity"], ReportFields.Measurable(Order, Seller, "en", MeasureFunction.Sum).Select(f => f.Name));
        Assert.Equal(["orderDate", "total", "quantity", "createdAt"], ReportFields.Measurable(Order, Seller, "en", MeasureFunction.Max).Select(f => f.Name));
        Assert.Equal(["orderDate", "createdAt"], ReportFields.Dates(Order, Seller, "en").Select(f => f.Name));
    }

    [Fact]
    public void Every_field_offered_is_one_the_engine_accepts_for_grouping_and_for_its_function()
    {
        var schema = new RecordsSchema([Order, new EntityDefinition { Name = "sales_order_line", Fields = [new() { Name = "amount", Column = "amount", Type = "money" }] }]);
        foreach (var field in ReportFields.Groupable(Order, Seller, "en"))
        {
            RecordAggregation.Check(schema, Order, Seller, new AggregateRequest([new AggregateGroup(field.Name, field.IsDate ? DateBucket.Month : null)], [new AggregateMeasure("n", MeasureFunction.Count)]));
        }

        foreach (var function in Enum.GetValues<MeasureFunction>())
        {
            foreach (var field in ReportFields.Measurable(Order, Seller, "en", function))
            {
                RecordAggregation.Check(schema, Order, Seller, new AggregateRequest([], [new AggregateMeasure("m", function, field.Name)]));
            }
        }

        // And what is left out is refused by the engine too.
        Assert.Throws<AggregateRefusedException>(() => RecordAggregation.Check(schema, Order, Seller, new AggregateRequest([new AggregateGroup("tags")], [new AggregateMeasure("n", MeasureFunction.Count)])));
        Assert.Throws<AggregateRefusedException>(() => RecordAggregation.Check(schema, Order, Seller, new AggregateRequest([], [new AggregateMeasure("m", MeasureFunction.Sum, "margin")])));
    }
}
