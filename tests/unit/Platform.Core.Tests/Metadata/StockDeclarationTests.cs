using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;

namespace Platform.Core.Tests.Metadata;

/// <summary>What the validator says about an entity's part in the stock ledger, before any document is posted.</summary>
public sealed class StockDeclarationTests
{
    private static FieldDefinition Field(string name, string type, string? target = null) =>
        new() { Name = name, Type = type, Label = LocalizedText.Of(name, name), Target = target };

    private static EntityDefinition Delivery(bool submittable, params StockPosting[] postings) => new()
    {
        Name = "delivery", Label = LocalizedText.Of("出库单", "Delivery"), Submittable = submittable,
        Fields = [Field("number", "text"), Field("postingDate", "date"), Field("warehouse", "lookup", "warehouse"), Field("lines", "lines", "delivery_line")],
        Stock = new StockDefinition { Postings = [.. postings], PostedAt = "postingDate" },
    };

    private static StockPosting Issue() => new() { Kind = StockPosting.Issue, Lines = "lines", Item = "item", Warehouse = "record.warehouse", Quantity = "quantity" };

    private static List<string> Codes(EntityDefinition entity) => [.. MetadataValidator.Validate(entity).Select(e => $"{e.Path} {e.Code}")];

    [Fact]
    public void A_delivery_issuing_its_lines_from_its_warehouse_is_well_formed() => Assert.Empty(Codes(Delivery(true, Issue())));

    [Fact]
    public void Only_a_submittable_document_moves_stock() =>
        Assert.Equal(["$.stock.postings stock.submittable"], Codes(Delivery(false, Issue())));

    [Fact]
    public void A_posting_names_a_known_kind_and_the_fields_that_kind_needs()
    {
        Assert.Equal(["$.stock.postings[0].kind stock.kind"], Codes(Delivery(true, new StockPosting { Kind = "ship", Item = "item", Quantity = "q" })));
        var transfer = Issue();
        transfer.Kind = StockPosting.Transfer;
        transfer.Warehouse = null;
        Assert.Equal(["$.stock.postings[0].from stock.required", "$.stock.postings[0].to stock.required"], Codes(Delivery(true, transfer)));
    }

    [Fact]
    public void The_documents_own_fields_must_exist_and_the_posting_date_must_be_a_date()
    {
        var posting = Issue();
        posting.Warehouse = "record.store";
        var entity = Delivery(true, posting);
        entity.Stock!.PostedAt = "number";
        Assert.Equal(["$.stock.postedAt stock.fieldKind", "$.stock.postings[0].warehouse item.2"], Codes(entity));
    }

    [Fact]
    public void A_reorder_table_is_a_line_items_field_of_the_item_naming_the_warehouse_and_level_of_its_lines()
    {
        EntityDefinition Item(StockReorder reorder) => new()
        {
            Name = "item", Label = LocalizedText.Of("物料", "Item"),
            Fields = [Field("code", "text"), Field("reorderLevels", "lines", "item_reorder"), Field("name", "text"), Field("vendor", "lookup", "supplier")],
            Stock = new StockDefinition { Item = new StockItemSettings { Code = "code", Reorder = reorder } },
        };

        Assert.Empty(Codes(Item(new StockReorder { Lines = "reorderLevels", Supplier = "record.vendor" })));
        Assert.Equal(["$.stock.item.reorder.lines stock.fieldKind", "$.stock.item.reorder.supplier item.2"],
            Codes(Item(new StockReorder { Lines = "name", Supplier = "record.maker" })));
        Assert.Equal(["$.stock.item.reorder.lines stock.field", "$.stock.item.reorder.level stock.reorder"], Codes(Item(new StockReorder { Lines = "", Level = " " })));
    }

    [Fact]
    public void An_item_points_at_its_code_and_fields_of_the_kinds_the_ledger_reads()
    {
        var item = new EntityDefinition
        {
            Name = "item", Label = LocalizedText.Of("物料", "Item"),
            Fields = [Field("code", "text"), Field("valuation", "text"), Field("units", "lines", "item_unit")],
            Stock = new StockDefinition { Item = new StockItemSettings { Code = "sku", Valuation = "valuation", Units = "units", DefaultValuation = "average" } },
        };

        Assert.Equal(["$.stock.item.code item.2", "$.stock.item.valuation stock.fieldKind", "$.stock.item.defaultValuation stock.valuation"], Codes(item));
        item.Stock.Warehouse = new StockWarehouseSettings { Code = "code" };
        Assert.Contains("$.stock stock.parts", Codes(item));
    }
}
