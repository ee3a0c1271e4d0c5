using Platform.Ocr.Templates;
using Platform.OcrCapture.Templates;

namespace Platform.Web.Tests.Modules;

/// <summary>The template designer's document: what drawing, moving, repeating, renaming and mapping do to it, and undo/redo.</summary>
public sealed class TemplateEditorTests
{
    private const string Blank = """{ "name": "shoe_order", "page": { "width": 1000, "height": 1400, "dpi": 200 } }""";

    /// <summary>A blank with one column of boxes: 100 wide at x 100, 40 high, the first at y 300, 50 apart, eight of them.</summary>
    private static readonly BlankLayout EightBoxes = new(
        [.. Enumerable.Range(0, 8).SelectMany(i => new[] { new RulingLine(300 + (i * 50), 2, 100, 199), new RulingLine(338 + (i * 50), 2, 100, 199) })],
        [.. Enumerable.Range(0, 8).SelectMany(i => new[] { new RulingLine(100, 2, 300 + (i * 50), 339 + (i * 50)), new RulingLine(198, 2, 300 + (i * 50), 339 + (i * 50)) })],
        []);

    [Fact]
    public void A_small_square_drawn_is_a_tick_box_and_anything_else_a_text_cell_with_a_new_name()
    {
        var editor = new TemplateEditor(Blank);

        editor.AddCell(new Rect(100, 100, 40, 40));
        editor.AddCell(new Rect(100, 200, 300, 60));
        editor.AddCell(new Rect(100, 300, 300, 60));

        Assert.Equal([("check_1", CellKind.Check), ("field_1", CellKind.Text), ("field_2", CellKind.Text)], editor.Template.Cells.Select(c => (c.Field, c.Type)));
        Assert.Equal(0.05, editor.Template.Cells[0].Threshold);
    }

    [Fact]
    public void Header_cells_made_rows_repeat_down_the_boxes_of_the_blank()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 300, 100, 40));
        editor.AddCell(new Rect(400, 100, 300, 60));

        var group = editor.MakeRows(["c0"], EightBoxes);

        Assert.Equal("g0", group);
        var rows = Assert.Single(editor.Template.Rows);
        Assert.Equal(("lines", 300, 50, 8), (rows.Name, rows.Y, rows.Pitch, rows.Count));
        Assert.Equal(0, Assert.Single(rows.Cells).Y);
        Assert.Equal(["field_2"], editor.Template.Cells.Select(c => c.Field));
        Assert.Equal(1 + 8, editor.Shapes().Count(s => s.Id.StartsWith('g')));
        Assert.DoesNotContain(editor.Template.Problems(), p => p.ToString().Contains("rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_boxes_below_a_row_is_one_row_of_the_cells_height()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(500, 300, 100, 40));

        editor.MakeRows(["c0"], EightBoxes);

        Assert.Equal((48, 1), (editor.Template.Rows[0].Pitch, editor.Template.Rows[0].Count));
    }

    [Fact]
    public void A_total_made_a_row_with_the_cells_it_sums_becomes_that_rows_total_and_one_summing_others_loses_its_sum()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 300, 100, 40));
        editor.AddCell(new Rect(210, 300, 100, 40));
        editor.AddCell(new Rect(320, 300, 100, 40));
        editor.AddCell(new Rect(430, 300, 100, 40));
        editor.Change(t =>
        {
            t.Cells[2].SumOf = ["field_1", "field_2"];
            t.Cells[3].SumOf = ["field_1", "elsewhere"];
        });

        editor.MakeRows(["c0", "c1", "c2", "c3"], EightBoxes);

        var row = Assert.Single(editor.Template.Rows).Cells;
        Assert.Equal(["field_1", "field_2"], row[2].SumOf!);
        Assert.Null(row[3].SumOf);
    }

    [Fact]
    public void A_cell_renamed_is_followed_by_its_sum_its_size_column_and_the_record_mapping()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 300, 100, 40));
        editor.AddCell(new Rect(400, 100, 300, 60));
        editor.MakeRows(["c0"], EightBoxes);
        editor.Change(t =>
        {
            t.Rows[0].Cells[0].Type = CellKind.Digits;
            t.Rows[0].Grid = new SizeGrid { Columns = new() { ["field_1"] = "36" } };
            t.Cells[0].Type = CellKind.Digits;
            t.Cells[0].SumOf = ["field_1"];
        });
        editor.MapRecords("shoe_order", "lines", "lines");
        editor.MapLineValue("field_1", "pairs");
        editor.MapCell("field_2", "total");

        editor.Rename("g0c0", "qty_36");
        editor.Rename("c0", "sheet_total");
        editor.Rename("g0", "shoes");

        Assert.Equal(["qty_36"], editor.Template.Cells[0].SumOf!);
        Assert.Equal("36", editor.Template.Rows[0].Grid!.Columns["qty_36"]);
        Assert.Equal("qty_36", editor.Mapping.Lines!.Fields["pairs"]);
        Assert.Equal("shoes", editor.Mapping.Lines.Rows);
        Assert.Equal(("total", null), editor.MappedTo("sheet_total"));
    }

    [Fact]
    public void Tick_boxes_mapped_to_one_field_make_a_one_of_choice_and_a_deleted_box_leaves_it()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 100, 40, 40));
        editor.AddCell(new Rect(300, 100, 40, 40));
        editor.MapRecords("shoe_order", null, null);

        editor.MapCell("check_1", "delivery", "pickup");
        editor.MapCell("check_2", "delivery", "courier");
        Assert.Equal(new Dictionary<string, string> { ["pickup"] = "check_1", ["courier"] = "check_2" }, editor.Mapping.Fields["delivery"].Ticked);

        editor.Delete("c0");
        Assert.Equal(new Dictionary<string, string> { ["courier"] = "check_2" }, editor.Mapping.Fields["delivery"].Ticked);
        Assert.Contains("\"courier\": \"check_2\"", editor.ToJson(), StringComparison.Ordinal);
    }

    [Fact]
    public void Undo_takes_back_each_change_and_redo_makes_it_again_until_a_new_change()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 100, 300, 60));
        editor.Place("c0", new Rect(110, 105, 300, 60));
        editor.Rename("c0", "dealer");

        editor.Undo();
        Assert.Equal(("field_1", 110), (editor.Template.Cells[0].Field, editor.Template.Cells[0].X));
        editor.Undo();
        Assert.Equal(100, editor.Template.Cells[0].X);
        editor.Undo();
        Assert.Empty(editor.Template.Cells);
        Assert.False(editor.CanUndo);

        editor.Redo();
        editor.Redo();
        Assert.Equal(110, editor.Template.Cells[0].X);
        editor.AddAnchor(new Rect(10, 10, 30, 30));
        Assert.False(editor.CanRedo);
    }

    [Fact]
    public void Several_elements_deleted_at_once_are_one_change_and_each_list_keeps_its_other_elements()
    {
        var editor = new TemplateEditor(Blank);
        editor.AddCell(new Rect(100, 100, 300, 60));
        editor.AddCell(new Rect(100, 200, 300, 60));
        editor.AddCell(new Rect(100, 300, 300, 60));
        editor.AddAnchor(new Rect(10, 10, 30, 30));

        editor.Delete(["c0", "a0", "c2"]);

        Assert.Equal(["field_2"], editor.Template.Cells.Select(c => c.Field));
        Assert.Empty(editor.Template.Anchors);
        editor.Undo();
        Assert.Equal(3, editor.Template.Cells.Count);
        Assert.Single(editor.Template.Anchors);
        Assert.Equal(("g2", "g2", null), (TemplateEditor.GroupOf("g2c4"), TemplateEditor.GroupOf("g2"), TemplateEditor.GroupOf("c4")));
    }
}
