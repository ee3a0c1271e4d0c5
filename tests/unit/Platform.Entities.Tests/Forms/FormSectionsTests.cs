using Platform.Core.Metadata;
using Platform.RecordPages.Forms;

namespace Platform.Entities.Tests.Forms;

public sealed class FormSectionsTests
{
    private static EntityDefinition Order(FormLayout? form)
    {
        var order = Platform.Core.Metadata.MetadataJson.Copy(SalesOrderModel.Order);
        order.Form = form;
        return order;
    }

    [Fact]
    public void Without_a_layout_the_single_value_fields_come_first_and_the_lines_last()
    {
        var part = Assert.Single(FormSections.Of(Order(null)));

        Assert.Equal(["orderNumber", "customer", "orderDate", "notes", "total", "lines"], part.Fields.Select(f => f.Name));
        Assert.Equal(2, part.Columns);
        Assert.Null(part.Label);
    }

    [Fact]
    public void Sections_keep_their_order_and_fields_no_section_places_follow_at_the_end()
    {
        var parts = FormSections.Of(Order(new FormLayout
        {
            Sections =
            [
                new() { Label = LocalizedText.Of("基本信息", "Basics"), Columns = 3, Fields = ["customer", "orderDate"] },
                new() { Label = LocalizedText.Of("明细", "Lines"), Columns = 1, Fields = ["lines", "total"] },
            ],
        }));

        Assert.Equal(3, parts.Count);
        Assert.Equal(["customer", "orderDate"], parts[0].Fields.Select(f => f.Name));
        Assert.Equal(3, parts[0].Columns);
        Assert.Equal("明细", parts[1].Label!.For("zh-CN"));
        Assert.Equal(["orderNumber", "notes"], parts[2].Fields.Select(f => f.Name));
    }

    [Fact]
    public void A_layout_naming_a_field_since_taken_out_still_shows_the_others()
    {
        var order = Order(new FormLayout { Sections = [new() { Fields = ["notes", "customer", "customer"] }] });
        order.Field("notes")!.Removed = true;

        var parts = FormSections.Of(order);

        Assert.Equal(["customer"], parts[0].Fields.Select(f => f.Name));
        Assert.DoesNotContain(parts.SelectMany(p => p.Fields), f => f.Name == "notes");
    }

    [Fact]
    public void The_metadata_check_names_every_misplaced_field_and_bad_column_count_by_its_path()
    {
        var order = Order(new FormLayout { Sections = [new() { Columns = 4, Fields = ["customer", "ghost"] }, new() { Fields = ["customer"] }] });

        var errors = MetadataValidator.Validate(order);

        Assert.Contains(errors, e => e.Path == "$.form.sections[0].columns");
        Assert.Contains(errors, e => e.Path == "$.form.sections[0].fields[1]" && e.Message.Contains("ghost", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Path == "$.form.sections[1].fields[0]" && e.Message.Contains("placed twice", StringComparison.Ordinal));
    }
}
