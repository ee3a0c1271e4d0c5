using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.Core.Tests.Records;

/// <summary>
/// A secured field is hidden from a role without its right, read-only with "see", changeable with "see and change"; rights of
/// several roles add up; fields not secured, administrators and the platform are never restricted.
/// </summary>
public sealed class FieldAccessTests
{
    private static readonly EntityDefinition Product = new()
    {
        Name = "product",
        Label = LocalizedText.Of("产品", "Product"),
        Fields =
        [
            new() { Name = "name", Type = "text", Label = LocalizedText.Of("名称", "Name") },
            new() { Name = "cost", Type = "money", Label = LocalizedText.Of("成本", "Cost"), Secured = true },
            new() { Name = "listPrice", Type = "money", Label = LocalizedText.Of("标价", "List price"), Secured = true },
        ],
    };

    private static FieldAccess Of(params string[] permissions) => FieldAccess.Of(Product, new RecordAccess(false, permissions));

    [Fact]
    public void Without_a_right_a_secured_field_is_hidden_with_see_it_is_read_only_with_change_it_is_open()
    {
        var none = Of("Records.product.Read.All");
        Assert.Equal(["cost", "listPrice"], none.Hidden.Order());
        Assert.True(none.MayRead("name") && none.MayChange("name"));

        var reader = Of("Records.product.Field.listPrice.Read", "Records.product.Field.cost.Update");
        Assert.Equal(["listPrice"], reader.ReadOnly);
        Assert.True(reader.MayRead("listPrice") && !reader.MayChange("listPrice"));
        Assert.True(reader.MayChange("cost"));
    }

    [Fact]
    public void Rights_of_several_roles_add_up_and_the_widest_wins()
    {
        var both = Of("Records.product.Field.cost.Read", "Records.PRODUCT.Field.cost.Update", "Records.product.Field.listPrice.Update");
        Assert.True(both.IsOpen);
    }

    [Fact]
    public void Administrators_the_platform_and_entities_without_secured_fields_are_open()
    {
        Assert.Same(FieldAccess.Open, FieldAccess.Of(Product, RecordAccess.Everything));
        var plain = new EntityDefinition { Name = "note", Fields = [new() { Name = "text", Type = "text" }] };
        Assert.Same(FieldAccess.Open, FieldAccess.Of(plain, new RecordAccess(false, [])));
    }

    [Fact]
    public void A_record_is_handed_out_without_its_hidden_fields()
    {
        var shown = Of("Records.product.Field.listPrice.Read").Strip(new Dictionary<string, object?> { ["name"] = "Teapot", ["cost"] = 80m, ["listPrice"] = 120m });
        Assert.Equal(["listPrice", "name"], shown.Keys.Order());
    }

    [Fact]
    public void Field_rights_are_record_permissions_named_by_entity_and_field()
    {
        Assert.Equal("Records.quote_line.Field.unitCost.Read", RecordPermissions.Field("QUOTE_LINE", "unitCost", FieldRight.Read));
        Assert.Equal("product", RecordPermissions.EntityOf("Records.product.Field.cost.Update"));
        Assert.Null(RecordPermissions.EntityOf("Records.product.Field.cost.Delete"));
    }
}
