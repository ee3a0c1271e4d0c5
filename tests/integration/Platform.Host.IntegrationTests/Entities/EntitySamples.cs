using Platform.Core.Metadata;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Entity definitions the schema tests start from.</summary>
public static class EntitySamples
{
    /// <summary>A product with one field of every type the engine stores.</summary>
    public static EntityDefinition Product() => new()
    {
        Name = "product",
        Label = LocalizedText.Of("产品", "Product"),
        PluralLabel = LocalizedText.Of("产品", "Products"),
        TitleField = "name",
        Fields =
        [
            Field("code", "text", "编码", "Code", f => { f.MaxLength = 40; f.Unique = true; f.Required = true; }),
            Field("name", "text", "名称", "Name"),
            Field("notes", "longText", "备注", "Notes"),
            Field("stock", "integer", "库存", "Stock", f => f.Min = 0),
            Field("weight", "decimal", "重量", "Weight", f => { f.Precision = 10; f.Scale = 3; }),
            Field("price", "money", "单价", "Price"),
            Field("discount", "percent", "折扣", "Discount", f => f.Max = 1),
            Field("launched", "date", "上市日期", "Launched"),
            Field("reviewedAt", "datetime", "审核时间", "Reviewed at"),
            Field("active", "boolean", "启用", "Active"),
            Field("status", "choice", "状态", "Status", f => f.Choices =
            [
                new ChoiceOption { Value = "draft", Label = LocalizedText.Of("草稿", "Draft"), Color = "#9e9e9e" },
                new ChoiceOption { Value = "sale", Label = LocalizedText.Of("在售", "On sale"), Color = "#2e7d32" },
            ]),
            Field("supportEmail", "email", "邮箱", "Support email"),
            Field("hotline", "phone", "电话", "Hotline"),
            Field("homepage", "url", "网址", "Home page"),
        ],
    };

    public static FieldDefinition Field(string name, string type, string zh, string en, Action<FieldDefinition>? configure = null)
    {
        var field = new FieldDefinition { Name = name, Type = type, Label = LocalizedText.Of(zh, en) };
        configure?.Invoke(field);
        return field;
    }
}
