using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;

namespace Platform.Benchmarks.Stock;

/// <summary>Items, warehouses, and receipts and deliveries of one line each, as a package would declare them.</summary>
internal static class Books
{
    private static FieldDefinition Field(string name, string type, Action<FieldDefinition>? configure = null)
    {
        var field = new FieldDefinition { Name = name, Type = type, Label = LocalizedText.Of(name, name) };
        configure?.Invoke(field);
        return field;
    }

    public static IEnumerable<EntityDefinition> Entities()
    {
        yield return new EntityDefinition
        {
            Name = "item", Label = LocalizedText.Of("物料", "Item"),
            Fields = [Field("code", "text", f => { f.Unique = true; f.Required = true; }), Field("valuation", "choice", f => f.Choices = [new() { Value = "fifo" }, new() { Value = "movingAverage" }])],
            Stock = new StockDefinition { Item = new StockItemSettings { Code = "code", Valuation = "valuation" } },
        };
        yield return new EntityDefinition
        {
            Name = "warehouse", Label = LocalizedText.Of("仓库", "Warehouse"), Fields = [Field("code", "text", f => { f.Unique = true; f.Required = true; })],
            Stock = new StockDefinition { Warehouse = new StockWarehouseSettings { Code = "code" } },
        };
        foreach (var (name, kind) in new[] { ("receipt", StockPosting.Receipt), ("delivery", StockPosting.Issue) })
        {
            yield return new EntityDefinition
            {
                Name = name + "_line", Label = LocalizedText.Of("明细", "Line"),
                Fields = [Field("item", "lookup", f => f.Target = "item"), Field("quantity", "decimal"), Field("rate", "decimal")],
            };
            yield return new EntityDefinition
            {
                Name = name, Label = LocalizedText.Of(name, name), Submittable = true,
                Fields = [Field("number", "autoNumber", f => f.Format = name[..1].ToUpperInvariant() + "-{######}"), Field("postingDate", "date"),
                          Field("warehouse", "lookup", f => f.Target = "warehouse"), Field("lines", "lines", f => f.Target = name + "_line")],
                Stock = new StockDefinition { PostedAt = "postingDate", Postings = [new StockPosting { Kind = kind, Lines = "lines", Item = "item", Warehouse = "record.warehouse", Quantity = "quantity", Rate = name == "receipt" ? "rate" : null }] },
            };
        }
    }
}
