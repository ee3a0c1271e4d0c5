using Platform.Ocr.Templates;

namespace Platform.Ocr.Tests;

/// <summary>Form templates: the sample loads; every problem of a bad one is reported at once with its place.</summary>
public sealed class TemplateTests
{
    [Fact]
    public void The_apparel_order_sheet_has_header_cells_check_boxes_and_fifteen_lines_of_eight_cells_each_with_its_total()
    {
        var template = SampleForm.Load();

        var cells = template.PlacedCells().ToList();

        Assert.Equal(("apparel_order", 1654, 2339, 200), (template.Name, template.Page.Width, template.Page.Height, template.Page.Dpi));
        Assert.Equal(6 + (15 * 8), cells.Count);
        Assert.Equal(["dealer_code", "order_date", "dealer_name", "urgent", "regular", "total"], template.Cells.Select(c => c.Field));
        Assert.Equal("lines[14].row_total", cells[^1].Path);
        Assert.Equal(["qty_s", "qty_m", "qty_l", "qty_xl", "qty_xxl"], cells[^1].Cell.SumOf);
        Assert.Equal(540 + (14 * 84) + 5, cells[^1].Rect.Y);
        Assert.Equal("0123456789", cells[^1].Cell.EffectiveWhitelist);
    }

    [Fact]
    public void A_template_with_many_mistakes_names_each_of_them_with_its_place()
    {
        var json = """
            {
              "name": "Order Form",
              "page": { "width": 1000, "height": 1400, "dpi": 200 },
              "anchors": [ { "id": "a", "x": 10, "y": 10, "size": 30 }, { "id": "b", "x": 950, "y": 10, "size": 30 }, { "id": "c", "x": 10, "y": 1390, "size": 30 } ],
              "cells": [
                { "field": "code", "x": 900, "y": 100, "width": 200, "height": 50, "pattern": "([A-Z" },
                { "field": "code", "x": 10, "y": 200, "width": 100, "height": 50, "type": "text", "language": "fra" },
                { "field": "total", "x": 10, "y": 300, "width": 100, "height": 50, "type": "digits", "min": 10, "max": 1, "sumOf": ["qty"], "accuracy": 1.5 },
                { "field": "dealer", "x": 10, "y": 500, "width": 100, "height": 50, "type": "text", "accuracy": 0.99 }
              ],
              "rows": [ { "name": "lines", "y": 400, "pitch": 40, "count": 5, "cells": [ { "field": "style", "x": 10, "y": 0, "width": 100, "height": 60 } ] } ]
            }
            """;

        var problems = Assert.Throws<TemplateException>(() => FormTemplate.Parse(json, "bad.json")).Problems;

        Assert.All(problems, p => Assert.StartsWith("bad.json: ", p, StringComparison.Ordinal));
        string[] expected =
        [
            "name 'Order Form'", "anchors: 3 given", "anchors[2] 'c': a mark of side 30 at (10, 1390)",
            "cells[0] 'code': 200 × 50 at (900, 100) is not a cell inside the page", "cells[0] 'code': pattern '([A-Z' is not a regular expression",
            "cells[1] 'code': the field name must be", "cells[1] 'code': language 'fra'", "cells[2] 'total': min 10 is above max 1",
            "rows[0] 'lines'.cells[0] 'style': it reaches outside its row", "'total': sumOf names 'qty'",
            "cells[2] 'total': accuracy 1.5 must be the share of accepted cells that are right", "cells[3] 'dealer': accuracy applies to handwritten digits cells only",
        ];
        foreach (var problem in expected)
        {
            Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Alike_marks_need_printed_texts_to_tell_which_way_up_a_page_is()
    {
        static string Form(string printed) => $$"""
            {
              "name": "shoe_order", "page": { "width": 1000, "height": 1400 },
              "anchors": [ { "id": "a", "x": 10, "y": 10, "size": 30 }, { "id": "b", "x": 950, "y": 10, "size": 30 },
                           { "id": "c", "x": 10, "y": 1350, "size": 30 }, { "id": "d", "x": 950, "y": 1350, "size": 30 } ],
              "cells": [ { "field": "code", "x": 100, "y": 100, "width": 200, "height": 50 } ],
              "printed": [{{printed}}]
            }
            """;

        var problems = Assert.Throws<TemplateException>(() => FormTemplate.Parse(Form(""), "shoes.json")).Problems;

        Assert.Contains(problems, p => p.Contains("anchors: the marks are alike and no printed text is described", StringComparison.Ordinal));
        Assert.Equal("shoe_order", FormTemplate.Parse(Form("""{ "text": "鞋类订货单", "x": 300, "y": 40, "size": 40 }""")).Name);
    }

    [Fact]
    public void A_one_of_group_is_two_or_more_check_boxes_and_only_text_is_preprinted()
    {
        var form = FormTemplate.Load(SampleForm.TemplatePath);
        form.Cells.Single(c => c.Field == "urgent").OneOf = "pair";
        form.Cells.Single(c => c.Field == "dealer_code").OneOf = "pair";
        form.Cells.Single(c => c.Field == "total").Preprinted = true;

        var problems = Assert.Throws<TemplateException>(() => FormTemplate.Parse(form.ToJson(), "one-of.json")).Problems;

        Assert.Contains(problems, p => p.Contains("oneOf 'pair': a one-of group is two or more check cells ('dealer_code' (text), 'urgent' (check))", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'total': preprinted applies to text cells", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{", "not a valid template")]
    [InlineData("""{ "name": "x", "colour": "red" }""", "not a valid template")]
    [InlineData("""{ "name": "x", "cells": [ { "field": "a", "type": "barcode" } ] }""", "not a valid template")]
    public void Json_that_is_no_template_is_refused_with_the_parser_s_reason(string json, string reason) =>
        Assert.Contains(reason, Assert.Throws<TemplateException>(() => FormTemplate.Parse(json, "t.json")).Message, StringComparison.Ordinal);

    [Fact]
    public void A_missing_file_is_a_template_error_not_a_crash() =>
        Assert.Contains("cannot be read", Assert.Throws<TemplateException>(() => FormTemplate.Load("/nonexistent/form.json")).Message, StringComparison.Ordinal);
}
