using Bunit;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.RecordPages.Components.Forms;
using Platform.RecordPages.Forms;
using Platform.Entities.Tests.Forms;
using Platform.Records;

namespace Platform.Entities.Tests.Components;

public sealed class LinesGridTests : FormComponentContext
{
    private static readonly Actor Admin = new("u1", "admin");

    private readonly RecordDraft _draft = new(SalesOrderModel.Order, SalesOrderModel.LineEntities, SalesOrderModel.Stored(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));

    private int _changes;

    private IRenderedComponent<LinesGrid> Grid(bool readOnly = false, bool showAll = false) => Render<LinesGrid>(p => p
        .Add(g => g.Draft, _draft)
        .Add(g => g.Field, SalesOrderModel.Order.Field("lines")!)
        .Add(g => g.Actor, Admin)
        .Add(g => g.ReadOnly, readOnly)
        .Add(g => g.ShowAll, showAll)
        .Add(g => g.Changed, () => _changes++));

    [Fact]
    public void Shows_one_row_per_line_under_the_line_fields_labels_with_the_amounts_totalled()
    {
        var grid = Grid();

        Assert.Equal(["#", "产品 *", "数量 *", "单价", "金额", ""], grid.FindAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(2, grid.FindAll("[data-testid=line]").Count);
        Assert.Equal("300.00", grid.Find("[data-testid=line-0-amount]").TextContent);
        Assert.Equal("800.00", grid.Find("[data-testid=sum-amount]").TextContent);
        Assert.Equal("5", grid.Find("[data-testid=sum-quantity]").TextContent);
        // A unit price is switched off (linesTotal: false): it gets no total.
        Assert.Empty(grid.FindAll("[data-testid=sum-unitPrice]"));
    }

    [Fact]
    public void A_money_column_typed_in_adds_up_like_a_computed_amount_unless_its_field_switches_the_total_off()
    {
        var line = MetadataJson.Copy(SalesOrderModel.Line);
        line.Field("unitPrice")!.LinesTotal = null; // an expense's amount, typed in
        var draft = new RecordDraft(SalesOrderModel.Order, new Dictionary<string, EntityDefinition> { ["lines"] = line }, SalesOrderModel.Stored(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()));

        var grid = Render<LinesGrid>(p => p.Add(g => g.Draft, draft).Add(g => g.Field, SalesOrderModel.Order.Field("lines")!).Add(g => g.Actor, Admin));

        Assert.Equal("350.00", grid.Find("[data-testid=sum-unitPrice]").TextContent);
    }

    [Fact]
    public void Adding_a_line_adds_an_empty_row_and_asks_for_a_check()
    {
        var grid = Grid();

        grid.Find("[data-testid=add-line-lines]").Click();

        Assert.Equal(3, grid.FindAll("[data-testid=line]").Count);
        Assert.Equal(1, _changes);
        Assert.Null(_draft.Lines["lines"][2].Id);
    }

    [Fact]
    public void Moving_a_line_down_and_removing_one_change_the_lines_in_the_draft()
    {
        var grid = Grid();
        var first = _draft.Lines["lines"][0];

        grid.FindAll("[data-testid=line-down]")[0].Click();
        Assert.Same(first, _draft.Lines["lines"][1]);
        Assert.Equal("300.00", grid.Find("[data-testid=line-1-amount]").TextContent); // the rows follow the new order
        grid.FindAll("[data-testid=line-remove]")[1].Click();

        Assert.Single(_draft.Lines["lines"]);
        Assert.DoesNotContain(first, _draft.Lines["lines"]);
        Assert.Equal(2, _changes);
        Assert.Equal("500.00", grid.Find("[data-testid=sum-amount]").TextContent);
    }

    [Fact]
    public void A_line_problem_shows_at_its_cell_once_the_user_changed_it_or_tried_to_save()
    {
        _draft.ShowErrors([new RecordFieldError("lines[1].quantity", "数量必须大于 0")]);
        Assert.Empty(Grid().FindAll("[data-testid=line-1-quantity-error]"));

        Assert.Equal("数量必须大于 0", Grid(showAll: true).Find("[data-testid=line-1-quantity-error]").TextContent);

        _draft.SetLine("lines", _draft.Lines["lines"][1], "quantity", 0m);
        _draft.ShowErrors([new RecordFieldError("lines[1].quantity", "数量必须大于 0")]);
        Assert.Single(Grid().FindAll("[data-testid=line-1-quantity-error]"));
    }

    [Fact]
    public void A_read_only_grid_offers_no_adding_moving_or_removing()
    {
        var grid = Grid(readOnly: true);

        Assert.Empty(grid.FindAll("[data-testid=add-line-lines]"));
        Assert.Empty(grid.FindAll("[data-testid=line-remove]"));
        Assert.Empty(grid.FindAll("[data-testid=line-up]"));
    }
}
