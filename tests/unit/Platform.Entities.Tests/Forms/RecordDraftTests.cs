using Platform.Core.Metadata;
using Platform.Data.Records;
using Platform.RecordPages.Forms;
using Platform.Records;

namespace Platform.Entities.Tests.Forms;

public sealed class RecordDraftTests
{
    private static readonly Guid OrderId = Guid.NewGuid();
    private static readonly Guid FirstLine = Guid.NewGuid();
    private static readonly Guid SecondLine = Guid.NewGuid();

    private static RecordDraft StoredOrder() => new(SalesOrderModel.Order, SalesOrderModel.LineEntities, SalesOrderModel.Stored(OrderId, FirstLine, SecondLine));

    [Fact]
    public void An_untouched_record_sends_nothing()
    {
        var draft = StoredOrder();

        Assert.False(draft.HasChanges);
        Assert.Empty(draft.ToSave());
        Assert.Equal(3, draft.RowVersion);
        Assert.Equal(2, draft.Lines["lines"].Count);
    }

    [Fact]
    public void Sends_only_the_fields_the_user_changed()
    {
        var draft = StoredOrder();

        draft.Set("notes", "call first");

        Assert.Equal(new Dictionary<string, object?> { ["notes"] = "call first" }, draft.ToSave());
    }

    [Fact]
    public void A_changed_line_sends_every_line_in_order_each_with_its_id_and_only_its_changed_values()
    {
        var draft = StoredOrder();
        var lines = draft.Lines["lines"];

        draft.SetLine("lines", lines[1], "quantity", 5m);
        draft.MoveLine("lines", lines[1], -1);
        var added = draft.AddLine("lines");
        draft.SetLine("lines", added, "quantity", 1m);

        var sent = Assert.IsType<List<IReadOnlyDictionary<string, object?>>>(draft.ToSave()["lines"]);
        Assert.Equal(3, sent.Count);
        Assert.Equal(SecondLine, sent[0][SystemFields.Id]);
        Assert.Equal(5m, sent[0]["quantity"]);
        Assert.Equal([SystemFields.Id], sent[1].Keys);
        Assert.Equal(FirstLine, sent[1][SystemFields.Id]);
        Assert.False(sent[2].ContainsKey(SystemFields.Id));
        Assert.Equal(1m, sent[2]["quantity"]);
    }

    [Fact]
    public void Removing_a_line_leaves_it_out_of_what_is_sent()
    {
        var draft = StoredOrder();

        draft.RemoveLine("lines", draft.Lines["lines"][0]);

        var sent = Assert.IsType<List<IReadOnlyDictionary<string, object?>>>(draft.ToSave()["lines"]);
        Assert.Equal(SecondLine, Assert.Single(sent)[SystemFields.Id]);
    }

    [Fact]
    public void Takes_computed_values_and_defaults_from_the_check_but_never_overwrites_what_the_user_typed()
    {
        var draft = new RecordDraft(SalesOrderModel.Order, SalesOrderModel.LineEntities, null);
        var line = draft.AddLine("lines");
        draft.SetLine("lines", line, "quantity", 3m);

        draft.Absorb(new RecordPreview(
            new Dictionary<string, object?>
            {
                ["orderDate"] = new DateOnly(2026, 11, 23),
                ["total"] = 300m,
                ["lines"] = new List<Dictionary<string, object?>> { new() { ["quantity"] = 99m, ["unitPrice"] = 100m, ["amount"] = 300m } },
            },
            [new RecordFieldError("customer", "required"), new RecordFieldError("lines[0].product", "required")],
            new Dictionary<string, FieldState> { ["notes"] = new(false, false, false) }));

        Assert.Equal(new DateOnly(2026, 11, 23), draft["orderDate"]);
        Assert.Equal(300m, draft["total"]);
        Assert.Equal(3m, line["quantity"]);
        Assert.Equal(100m, line["unitPrice"]);
        Assert.Equal(300m, line["amount"]);
        Assert.Equal("required", draft.Errors["customer"]);
        Assert.Equal("required", line.Errors["product"]);
        Assert.False(draft.States["notes"].Visible);
        Assert.False(draft.Reached("customer"));
        // Defaults stay the server's: a new line's price follows its product on every check.
        Assert.False(line.ToSave().ContainsKey("unitPrice"));
    }

    [Fact]
    public void A_product_picked_while_a_check_is_under_way_still_runs_its_change_rules_on_the_next_check()
    {
        var draft = new RecordDraft(SalesOrderModel.Order, SalesOrderModel.LineEntities, null);
        var line = draft.AddLine("lines");
        draft.SetLine("lines", line, "quantity", 3m);
        string[] sent = [.. draft.Edited];

        draft.SetLine("lines", line, "product", Guid.NewGuid()); // typed before the check answered
        draft.Absorb(new RecordPreview(
            new Dictionary<string, object?> { ["lines"] = new List<Dictionary<string, object?>> { new() { ["quantity"] = 3m } } },
            [], new Dictionary<string, FieldState>()), sent);

        Assert.Equal(["lines[0].product"], draft.Edited);
        Assert.NotNull(line["product"]);
    }

    [Fact]
    public void After_a_conflict_lays_the_users_changes_over_the_newer_record()
    {
        var draft = StoredOrder();
        draft.Set("notes", "mine");
        var theirs = SalesOrderModel.Stored(OrderId, FirstLine, SecondLine);
        theirs[SystemFields.RowVersion] = 4;
        theirs["orderDate"] = new DateOnly(2026, 12, 1);

        draft.Rebase(theirs);

        Assert.Equal(4, draft.RowVersion);
        Assert.Equal("mine", draft["notes"]);
        Assert.Equal(new DateOnly(2026, 12, 1), draft["orderDate"]);
        Assert.Equal(["notes"], draft.ToSave().Keys);
    }

    [Theory]
    [InlineData("lines[2].quantity", "lines", 2, "quantity")]
    [InlineData("lines[0]", "lines", 0, null)]
    public void Reads_where_a_line_problem_sits(string path, string lines, int index, string? field)
    {
        Assert.True(FieldPath.TryParseLine(path, out var linesField, out var at, out var name));
        Assert.Equal((lines, index, field), (linesField, at, name));
    }

    [Theory]
    [InlineData("quantity")]
    [InlineData(null)]
    [InlineData("lines[x].quantity")]
    public void A_plain_field_is_no_line_path(string? path) => Assert.False(FieldPath.TryParseLine(path, out _, out _, out _));
}
