using Bunit;
using Platform.Core.Metadata;
using Platform.RecordPages.Components.Lists;

namespace Platform.Entities.Tests.Components;

public sealed class KanbanBoardTests : FormComponentContext
{
    private static readonly FieldDefinition Number = new() { Name = "orderNumber", Type = "autoNumber" };
    private static readonly FieldDefinition Total = new() { Name = "total", Type = "computed", ResultType = "money", Label = LocalizedText.Of("订单金额", "Total") };

    private static Dictionary<string, object?> Card(string number, decimal total) =>
        new() { [SystemFields.Id] = Guid.NewGuid(), ["orderNumber"] = number, ["total"] = total };

    private readonly List<(IReadOnlyDictionary<string, object?> Card, string? Value)> _moves = [];

    private IRenderedComponent<KanbanBoard> Board(bool canMove, out IReadOnlyDictionary<string, object?> draft)
    {
        var first = Card("SO-1", 300m);
        draft = first;
        KanbanColumn[] columns =
        [
            new("draft", "草稿", "#9e9e9e", [first], 1),
            new("submitted", "已提交", "#1565c0", [Card("SO-2", 500m), Card("SO-3", 600m)], 42),
        ];
        return Render<KanbanBoard>(p => p.Add(b => b.Columns, columns).Add(b => b.TitleField, Number).Add(b => b.CardFields, [Total])
            .Add(b => b.CanMove, canMove).Add(b => b.Move, m => _moves.Add(m)));
    }

    [Fact]
    public void Shows_a_column_per_value_with_its_count_colour_and_cards()
    {
        var board = Board(canMove: true, out _);

        var columns = board.FindAll("[data-testid=kanban-column]");
        Assert.Equal(["draft", "submitted"], columns.Select(c => c.GetAttribute("data-value")));
        Assert.Contains("#1565c0", columns[1].QuerySelector("header")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Equal("42", columns[1].QuerySelector("[data-testid=kanban-count]")!.TextContent);
        Assert.Contains("订单金额: 500.00", columns[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("还有 40 条", columns[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_dropped_on_another_column_asks_to_move_it_there()
    {
        var board = Board(canMove: true, out var draft);

        board.FindAll("[data-testid=kanban-card]")[0].DragStart();
        board.FindAll("[data-testid=kanban-column]")[1].Drop();

        var move = Assert.Single(_moves);
        Assert.Same(draft, move.Card);
        Assert.Equal("submitted", move.Value);
    }

    [Fact]
    public void A_card_dropped_where_it_is_or_on_a_board_that_cannot_move_asks_nothing()
    {
        var board = Board(canMove: true, out _);
        board.FindAll("[data-testid=kanban-card]")[0].DragStart();
        board.FindAll("[data-testid=kanban-column]")[0].Drop();

        var locked = Board(canMove: false, out _);
        Assert.Equal("false", locked.FindAll("[data-testid=kanban-card]")[0].GetAttribute("draggable"));
        locked.FindAll("[data-testid=kanban-card]")[0].DragStart();
        locked.FindAll("[data-testid=kanban-column]")[1].Drop();

        Assert.Empty(_moves);
    }
}
