using Platform.Core.Metadata;
using Platform.Core.Metadata.Documents;
using Platform.Core.Metadata.Stock;

namespace Platform.Core.Tests.Metadata;

/// <summary>What the validator says about what a document fulfils, what may change once it is submitted, and returns.</summary>
public sealed class FulfilmentDeclarationTests
{
    private static FieldDefinition Field(string name, string type, string? target = null) =>
        new() { Name = name, Type = type, Label = LocalizedText.Of(name, name), Target = target };

    private static EntityDefinition Delivery(bool submittable, params Fulfilment[] fulfils) => new()
    {
        Name = "delivery", Label = LocalizedText.Of("出库单", "Delivery"), Submittable = submittable,
        Fields = [Field("number", "text"), Field("lines", "lines", "delivery_line"), Field("orderLine", "lookup", "order_line")],
        Fulfils = [.. fulfils],
    };

    private static Fulfilment Delivers() => new() { Lines = "lines", Source = "orderLine", Quantity = "quantity", Into = "delivered", Of = "quantity", Percent = "percentDelivered" };

    private static List<string> Codes(EntityDefinition entity) => [.. MetadataValidator.Validate(entity).Select(e => $"{e.Path} {e.Code}")];

    [Fact]
    public void A_delivery_delivering_order_lines_is_well_formed() => Assert.Empty(Codes(Delivery(true, Delivers())));

    [Fact]
    public void Only_a_submittable_document_fulfils() => Assert.Equal(["$.fulfils fulfils.submittable"], Codes(Delivery(false, Delivers())));

    [Fact]
    public void A_fulfilment_names_its_lines_field_the_source_and_the_figures_and_a_sensible_allowance()
    {
        var wrong = new Fulfilment { Lines = "number", Source = "", Quantity = "quantity", Into = "", Of = "quantity", Allowance = -5 };
        Assert.Equal(["$.fulfils[0].lines stock.fieldKind", "$.fulfils[0].source fulfils.required", "$.fulfils[0].into fulfils.required", "$.fulfils[0].allowance fulfils.allowance"],
            Codes(Delivery(true, wrong)));

        // The document as its own line: the source lookup must be one of its fields.
        var whole = Delivers();
        whole.Lines = null;
        whole.Source = "number";
        Assert.Equal(["$.fulfils[0].source stock.fieldKind"], Codes(Delivery(true, whole)));
    }

    [Fact]
    public void Only_entered_values_may_change_after_submission()
    {
        var entity = Delivery(true);
        entity.Fields.Add(new FieldDefinition { Name = "total", Type = "computed", Label = LocalizedText.Of("合计", "Total"), Formula = "1", ResultType = "decimal", AllowOnSubmit = true });
        entity.Fields.Add(new FieldDefinition { Name = "deliveryDate", Type = "date", Label = LocalizedText.Of("交货日期", "Delivery date"), AllowOnSubmit = true });
        entity.Fields[1].AllowOnSubmit = true; // the lines field: lines are not added or removed once submitted
        Assert.Equal(["$.fields[1].allowOnSubmit fulfils.allowOnSubmit", "$.fields[3].allowOnSubmit fulfils.allowOnSubmit"], Codes(entity));
    }

    [Fact]
    public void Only_receipts_and_issues_take_returns()
    {
        var entity = Delivery(true);
        entity.Fields.Add(Field("isReturn", "boolean"));
        entity.Fields.Add(Field("source", "lookup", "warehouse"));
        entity.Fields.Add(Field("target", "lookup", "warehouse"));
        entity.Stock = new StockDefinition
        {
            Postings =
            [
                new StockPosting { Kind = StockPosting.Issue, Lines = "lines", Item = "item", Warehouse = "record.source", Quantity = "quantity", Return = "record.isReturn" },
                new StockPosting { Kind = StockPosting.Transfer, Lines = "lines", Item = "item", From = "record.source", To = "record.target", Quantity = "quantity", Return = "record.isReturn" },
            ],
        };
        Assert.Equal(["$.stock.postings[1].return stock.return"], Codes(entity));
    }

    [Fact]
    public void A_posting_or_fulfilment_applying_only_sometimes_names_a_yes_no_field()
    {
        var entity = Delivery(true, Delivers());
        entity.Fields.Add(Field("updateStock", "boolean"));
        entity.Fields.Add(Field("source", "lookup", "warehouse"));
        entity.Stock = new StockDefinition
        {
            Postings = [new StockPosting { Kind = StockPosting.Issue, Lines = "lines", Item = "item", Warehouse = "record.source", Quantity = "quantity", When = "record.updateStock" }],
        };
        entity.Fulfils![0].When = "record.updateStock";
        Assert.Empty(Codes(entity));

        entity.Stock.Postings[0].When = "record.number";
        entity.Fulfils[0].When = "record.missing";
        Assert.Equal(["$.stock.postings[0].when stock.fieldKind", "$.fulfils[0].when item.2"], Codes(entity));
    }

    [Fact]
    public void An_order_reserving_stock_is_submittable_and_names_its_item_warehouse_and_quantity()
    {
        var order = Delivery(true);
        order.Fields.Add(Field("warehouse", "lookup", "warehouse"));
        order.Stock = new StockDefinition { Reserves = new StockCommitment { Lines = "lines", Item = "item", Warehouse = "record.warehouse", Quantity = "quantity", Closed = "record.closed" } };
        Assert.Equal(["$.stock.reserves.closed item.2"], Codes(order));

        order.Submittable = false;
        order.Stock.Reserves.Closed = null;
        order.Stock.Reserves.Quantity = "";
        Assert.Equal(["$.stock.reserves stock.submittable", "$.stock.reserves.quantity stock.required"], Codes(order));
    }
}
