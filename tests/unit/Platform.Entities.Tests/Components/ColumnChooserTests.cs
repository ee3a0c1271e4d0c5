using Bunit;
using Platform.RecordPages.Components.Lists;
using Platform.Entities.Tests.Forms;

namespace Platform.Entities.Tests.Components;

public sealed class ColumnChooserTests : FormComponentContext
{
    private readonly List<string> _columns = ["orderNumber", "customer"];

    private IRenderedComponent<ColumnChooser> Chooser() => Render<ColumnChooser>(p => p.Add(c => c.Entity, SalesOrderModel.Order).Add(c => c.Columns, _columns));

    [Fact]
    public void Lists_the_shown_columns_first_then_the_other_fields_but_never_lines()
    {
        var chooser = Chooser();

        Assert.Equal(2, chooser.FindAll("[data-testid=column-shown]").Count);
        Assert.Equal(["orderDate", "notes", "total"], chooser.FindAll("[data-testid=column-hidden] .column-chooser-label").Select(l => l.TextContent));
    }

    [Fact]
    public void Ticking_adds_a_column_at_the_end_and_unticking_removes_it()
    {
        var chooser = Chooser();

        chooser.Find("[data-testid=column-total] input, input[data-testid=column-total]").Change(true);
        Assert.Equal(["orderNumber", "customer", "total"], _columns);

        chooser.Find("[data-testid=column-orderNumber] input, input[data-testid=column-orderNumber]").Change(false);
        Assert.Equal(["customer", "total"], _columns);
    }
}
