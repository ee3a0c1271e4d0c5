using Platform.Core.Metadata;

namespace Platform.Entities.Tests.Forms;

/// <summary>A sales order with lines, as the sample package defines it, for form tests that need no database.</summary>
internal static class SalesOrderModel
{
    public static EntityDefinition Line { get; } = new()
    {
        Name = "sales_order_line",
        Label = new() { ["zh-CN"] = "订单明细", ["en"] = "Order line" },
        Fields =
        [
            new() { Name = "product", Type = "lookup", Target = "product", Required = true, Label = new() { ["zh-CN"] = "产品", ["en"] = "Product" } },
            new() { Name = "quantity", Type = "decimal", Required = true, Label = new() { ["zh-CN"] = "数量", ["en"] = "Quantity" } },
            new() { Name = "unitPrice", Type = "money", LinesTotal = false, Label = new() { ["zh-CN"] = "单价", ["en"] = "Unit price" } },
            new() { Name = "amount", Type = "computed", ResultType = "money", Formula = "record.quantity * record.unitPrice", Label = new() { ["zh-CN"] = "金额", ["en"] = "Amount" } },
        ],
    };

    public static EntityDefinition Order { get; } = new()
    {
        Name = "sales_order",
        Label = new() { ["zh-CN"] = "销售订单", ["en"] = "Sales order" },
        Fields =
        [
            new() { Name = "orderNumber", Type = "autoNumber", Format = "SO-{#####}" },
            new() { Name = "customer", Type = "lookup", Target = "customer", Required = true },
            new() { Name = "orderDate", Type = "date", Default = "today()" },
            new() { Name = "notes", Type = "longText" },
            new() { Name = "lines", Type = "lines", Target = "sales_order_line", Label = new() { ["zh-CN"] = "订单明细", ["en"] = "Order lines" } },
            new() { Name = "total", Type = "computed", ResultType = "money", Formula = "sum(record.lines, 'amount')" },
        ],
    };

    public static Dictionary<string, EntityDefinition> LineEntities => new() { ["lines"] = Line };

    /// <summary>A stored order with two lines, as the record service reads it back.</summary>
    public static Dictionary<string, object?> Stored(Guid id, Guid firstLine, Guid secondLine) => new()
    {
        [SystemFields.Id] = id,
        [SystemFields.RowVersion] = 3,
        ["orderNumber"] = "SO-00001",
        ["customer"] = Guid.Parse("11111111-1111-1111-1111-111111111111"),
        ["orderDate"] = new DateOnly(2026, 11, 20),
        ["notes"] = "first",
        ["total"] = 800m,
        ["lines"] = new List<Dictionary<string, object?>>
        {
            new() { [SystemFields.Id] = firstLine, ["product"] = Guid.NewGuid(), ["quantity"] = 3m, ["unitPrice"] = 100m, ["amount"] = 300m },
            new() { [SystemFields.Id] = secondLine, ["product"] = Guid.NewGuid(), ["quantity"] = 2m, ["unitPrice"] = 250m, ["amount"] = 500m },
        },
    };
}
