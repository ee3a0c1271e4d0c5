using Bunit;
using Platform.Core.Metadata;
using Platform.Entities.Components.Designer;
using Platform.Entities.Tests.Forms;

namespace Platform.Entities.Tests.Components;

public sealed class FormLayoutDesignerTests : FormComponentContext
{
    private readonly FormLayout _layout = new()
    {
        Sections =
        [
            new() { Label = LocalizedText.Of("基本信息", "Basics"), Fields = ["customer", "orderDate"] },
            new() { Label = LocalizedText.Of("明细", "Lines"), Columns = 1, Fields = ["lines"] },
        ],
    };

    private IRenderedComponent<FormLayoutDesigner> Designer() => Render<FormLayoutDesigner>(p => p.Add(d => d.Entity, SalesOrderModel.Order).Add(d => d.Layout, _layout));

    [Fact]
    public void Lists_the_fields_no_section_places_apart()
    {
        var designer = Designer();

        Assert.Equal(["orderNumber", "notes", "total"], designer.FindAll("[data-testid=form-designer-unplaced]").Select(f => f.GetAttribute("data-field")));
    }

    [Fact]
    public void A_field_dragged_onto_a_section_is_placed_at_its_end()
    {
        var designer = Designer();

        designer.Find("[data-testid=form-designer-unplaced][data-field=notes]").DragStart();
        designer.FindAll("[data-testid=form-designer-section]")[0].Drop();

        Assert.Equal(["customer", "orderDate", "notes"], _layout.Sections[0].Fields);
        Assert.Empty(designer.FindAll("[data-testid=form-designer-unplaced][data-field=notes]"));
    }

    [Fact]
    public void A_field_dropped_on_another_takes_its_place_and_leaves_its_old_section()
    {
        var designer = Designer();

        designer.Find("[data-testid=form-designer-field][data-field=lines]").DragStart();
        designer.Find("[data-testid=form-designer-field][data-field=orderDate]").Drop();

        Assert.Equal(["customer", "lines", "orderDate"], _layout.Sections[0].Fields);
        Assert.Empty(_layout.Sections[1].Fields);
    }

    [Fact]
    public void A_field_dropped_back_among_the_unplaced_leaves_every_section()
    {
        var designer = Designer();

        designer.Find("[data-testid=form-designer-field][data-field=customer]").DragStart();
        designer.Find(".form-designer-unplaced").Drop();

        Assert.Equal(["orderDate"], _layout.Sections[0].Fields);
    }

    [Fact]
    public void An_added_section_takes_two_columns()
    {
        var designer = Designer();

        designer.Find("[data-testid=section-add]").Click();
        Assert.Equal(3, _layout.Sections.Count);
        Assert.Equal(2, _layout.Sections[2].Columns);
    }
}
