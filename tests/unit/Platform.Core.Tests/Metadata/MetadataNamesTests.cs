using Platform.Core.Metadata;

namespace Platform.Core.Tests.Metadata;

/// <summary>API names the designer makes from English labels, so analysts type labels, not names.</summary>
public sealed class MetadataNamesTests
{
    [Theory]
    [InlineData("Order date", "orderDate")]
    [InlineData("  Unit price (¥) ", "unitPrice")]
    [InlineData("VAT number", "vatNumber")]
    [InlineData("2nd contact", "n2ndContact")]
    [InlineData("Select", null)] // a reserved word is no name
    [InlineData("订单日期", null)] // nothing Latin to make one from
    [InlineData("", null)]
    public void A_field_name_is_its_english_label_in_camel_case(string label, string? name) => Assert.Equal(name, MetadataNames.FieldFrom(label));

    [Theory]
    [InlineData("Sales order", "sales_order")]
    [InlineData("Expense claim line", "expense_claim_line")]
    [InlineData("客户", null)]
    public void An_entity_name_is_its_english_label_in_snake_case(string label, string? name) => Assert.Equal(name, MetadataNames.EntityFrom(label));

    [Fact]
    public void A_made_name_always_passes_the_name_check_and_is_at_most_fifty_characters()
    {
        var name = MetadataNames.FieldFrom(string.Join(' ', Enumerable.Repeat("Quantity", 12)))!;

        Assert.Null(MetadataNames.Check(name));
        Assert.True(name.Length <= MetadataNames.MaxLength);
    }

    [Theory]
    [InlineData("field3", "Amount", true)] // a placeholder
    [InlineData("entity2", "Expense claim", true)] // the name a Chinese-only entity got
    [InlineData("orderDate", "Order date", true)] // made from the label as it was
    [InlineData("", "Order date", true)]
    [InlineData("placedOn", "Order date", false)] // typed by the analyst: kept
    public void A_name_follows_its_label_until_the_analyst_types_one(string name, string label, bool follows) =>
        Assert.Equal(follows, MetadataNames.Follows(name, label, MetadataNames.FieldFrom));
}
