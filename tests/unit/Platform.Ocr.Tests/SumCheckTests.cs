using Platform.Ocr.Digits;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Tests;

/// <summary>
/// A written total chooses among the handwritten quantities' next-best readings: one misreading that the total explains is
/// put right, and the rest of the page is accepted; what two readings could equally explain is left for review.
/// </summary>
public sealed class SumCheckTests
{
    private static readonly FormTemplate Template = FormTemplate.Parse("""
        {
          "name": "sizes", "page": { "width": 1000, "height": 600, "dpi": 200 },
          "anchors": [ { "id": "top_left", "x": 20, "y": 20, "size": 40 }, { "id": "top_right", "x": 960, "y": 20, "size": 20 },
                       { "id": "bottom_left", "x": 20, "y": 560, "size": 20 }, { "id": "bottom_right", "x": 960, "y": 560, "size": 20 } ],
          "cells": [ { "field": "total", "x": 700, "y": 500, "width": 200, "height": 60, "type": "digits", "sumOf": [ "qty_s", "qty_m", "qty_l", "printed_qty" ] } ],
          "rows": [ { "name": "lines", "y": 100, "pitch": 80, "count": 4, "cells": [
            { "field": "qty_s", "x": 100, "y": 5, "width": 140, "height": 70, "type": "digits", "max": 99 },
            { "field": "printed_qty", "x": 550, "y": 5, "width": 100, "height": 70, "type": "text", "language": "eng" },
            { "field": "qty_m", "x": 250, "y": 5, "width": 140, "height": 70, "type": "digits" },
            { "field": "qty_l", "x": 400, "y": 5, "width": 140, "height": 70, "type": "digits" } ] } ]
        }
        """);

    [Fact]
    public void A_total_that_adds_up_as_read_confirms_every_quantity_even_an_unsure_one()
    {
        var page = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.62), ("17", 0.37)), Qty("lines[1].qty_m", ("30", 0.9999)), Total(("42", 0.9999))], Template);

        Assert.All(page, c => Assert.Empty(c.Flags));
        Assert.All(page, c => Assert.True(c.ConfirmedBySum));
        Assert.Equal(["12", "30", "42"], page.Select(c => c.Value));
    }

    [Fact]
    public void One_misread_quantity_takes_the_next_best_reading_that_adds_up_and_only_it_goes_to_review()
    {
        var page = CellValidator.CheckSums(
        [
            Qty("lines[0].qty_s", ("12", 0.62), ("17", 0.37), ("13", 0.009)),
            Qty("lines[1].qty_m", ("30", 0.9999), ("38", 0.00009)),
            Qty("lines[2].qty_l", ("5", 0.99995)),
            Total(("52", 0.9999), ("32", 0.00009)),
        ], Template);

        var corrected = page[0];
        Assert.Equal("17", corrected.Value);
        Assert.Equal("12", corrected.Raw); // what was read stays to be seen
        Assert.Equal(["sum_corrected"], corrected.Flags); // a correction is confirmed by a person
        Assert.InRange(corrected.Confidence, 0.9, 0.999);
        Assert.All(page.Skip(1), c => Assert.Empty(c.Flags)); // the others are accepted: the total vouches for them
        Assert.All(page.Skip(1), c => Assert.True(c.ConfirmedBySum && c.Confidence >= 0.999, $"{c.Path}: {c.Confidence}"));
    }

    [Fact]
    public void A_misread_total_is_put_right_by_the_quantities_it_sums()
    {
        var page = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.9999)), Qty("lines[1].qty_m", ("30", 0.9999)), Total(("47", 0.5), ("42", 0.49))], Template);

        Assert.Equal("42", page[2].Value);
        Assert.Equal("47", page[2].Raw);
        Assert.Equal([CellValidator.SumCorrected], page[2].Flags);
        Assert.All(page.Take(2), c => Assert.Empty(c.Flags));
    }

    [Fact]
    public void Two_quantities_that_could_each_explain_the_gap_are_both_left_for_review_unchanged()
    {
        var page = CellValidator.CheckSums(
            [Qty("lines[0].qty_s", ("12", 0.6), ("17", 0.39)), Qty("lines[1].qty_m", ("31", 0.6), ("36", 0.39)), Total(("48", 0.9999))], Template);

        Assert.Equal(["12", "31", "48"], page.Select(c => c.Value));
        Assert.All(page, c => Assert.Contains("sum_mismatch", c.Flags));
        Assert.All(page, c => Assert.Null(c.Raw));
    }

    [Fact]
    public void A_gap_no_next_best_reading_explains_is_the_writers_and_every_quantity_goes_to_review()
    {
        var page = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.9), ("13", 0.09)), Qty("lines[1].qty_m", ("30", 0.9999)), Total(("99", 0.9999))], Template);

        Assert.Equal(["12", "30", "99"], page.Select(c => c.Value));
        Assert.All(page, c => Assert.Contains("sum_mismatch", c.Flags));
    }

    [Fact]
    public void A_sum_that_agrees_only_if_two_unsure_readings_cancel_out_confirms_neither()
    {
        // As read 12 + 35 = 47; read as 17 and 30 it adds up as well, and each of those is nearly as likely.
        var page = CellValidator.CheckSums(
            [Qty("lines[0].qty_s", ("12", 0.51), ("17", 0.48)), Qty("lines[1].qty_m", ("35", 0.51), ("30", 0.48)), Total(("47", 0.9999))], Template);

        Assert.Equal(["12", "35", "47"], page.Select(c => c.Value));
        Assert.Equal(["low_confidence"], page[0].Flags);
        Assert.Equal(["low_confidence"], page[1].Flags);
        Assert.False(page[0].ConfirmedBySum);
        Assert.Empty(page[2].Flags);
    }

    [Fact]
    public void A_next_best_reading_the_cells_rules_refuse_is_never_chosen()
    {
        // 117 would make the page add up, but S sizes go up to 99.
        var page = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.6), ("117", 0.39)), Qty("lines[1].qty_m", ("30", 0.9999)), Total(("147", 0.9999))], Template);

        Assert.Equal(["12", "30", "147"], page.Select(c => c.Value));
        Assert.All(page, c => Assert.Contains("sum_mismatch", c.Flags));
    }

    [Fact]
    public void A_printed_number_keeps_its_doubt_when_the_page_does_not_add_up_and_loses_it_when_it_does()
    {
        var printed = new CellResult("lines[2].printed_qty", "printed_qty", CellKind.Text, "5", 0.4, ["low_confidence"]);

        var disagreeing = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.9999)), printed, Total(("99", 0.9999))], Template);
        var agreeing = CellValidator.CheckSums([Qty("lines[0].qty_s", ("12", 0.9999)), printed, Total(("17", 0.9999))], Template);

        Assert.Equal(["low_confidence"], disagreeing[1].Flags);
        Assert.Contains("sum_mismatch", disagreeing[2].Flags);
        Assert.Empty(agreeing[1].Flags);
        Assert.All(agreeing, c => Assert.DoesNotContain("sum_mismatch", c.Flags));
    }

    [Fact]
    public void Likelihoods_are_shares_of_the_explanations_that_add_up()
    {
        // 12 + 30 reads 42 against a total of 47: 12 → 17 explains it (weight 0.5), and so does the writer's slip (0.01).
        var verdict = SumCheck.Resolve([new([(12m, 0.6), (17m, 0.3)], false), SumTerm.Fixed(30), SumTerm.Fixed(47, isTotal: true)]);

        Assert.True(verdict.Resolved);
        Assert.False(verdict.AddedUpAsRead);
        Assert.Equal([1, 0, 0], verdict.Chosen);
        // Against it: the slip, and a misreading of 12 beyond its two readings (0.1 of its likelihood left, and a cut gone wrong,
        // against 0.6) to 17 exactly. The numbers read for sure are never misread.
        var whole = 0.5 + SumCheck.WriterSlip + (SumCheck.UnlistedShare * (0.1 + SumCheck.CutSlip) / 0.6);
        Assert.Equal((0.5 + (SumCheck.WriterSlip * 0.3)) / whole, verdict.Likelihood[0], 6); // under a slip, 17 is as likely as it reads
        Assert.Equal(1, verdict.Likelihood[1], 6); // a number read for sure stays sure
    }

    /// <summary>Sizes with a total in every row, and the page's total of them all.</summary>
    private static readonly FormTemplate RowTotals = FormTemplate.Parse("""
        {
          "name": "sizes_rows", "page": { "width": 1000, "height": 600, "dpi": 200 },
          "anchors": [ { "id": "top_left", "x": 20, "y": 20, "size": 40 }, { "id": "top_right", "x": 960, "y": 20, "size": 20 },
                       { "id": "bottom_left", "x": 20, "y": 560, "size": 20 }, { "id": "bottom_right", "x": 960, "y": 560, "size": 20 } ],
          "cells": [ { "field": "total", "x": 700, "y": 500, "width": 200, "height": 60, "type": "digits", "sumOf": [ "qty_s", "qty_m" ] } ],
          "rows": [ { "name": "lines", "y": 100, "pitch": 80, "count": 4, "cells": [
            { "field": "qty_s", "x": 100, "y": 5, "width": 140, "height": 70, "type": "digits" },
            { "field": "qty_m", "x": 250, "y": 5, "width": 140, "height": 70, "type": "digits" },
            { "field": "row_total", "x": 400, "y": 5, "width": 140, "height": 70, "type": "digits", "sumOf": [ "qty_s", "qty_m" ] } ] } ]
        }
        """);

    [Fact]
    public void A_row_total_puts_its_own_row_right_and_the_page_total_then_builds_on_the_rows()
    {
        // The page's total comes first on the page, but each row is weighed first: the page's total then counts 17, not 12.
        var page = CellValidator.CheckSums(
        [
            Total(("60", 0.9999)),
            Qty("lines[0].qty_s", ("12", 0.62), ("17", 0.37)), Qty("lines[0].qty_m", ("30", 0.9999)), Qty("lines[0].row_total", ("47", 0.9999)),
            Qty("lines[1].qty_s", ("5", 0.97), ("6", 0.02)), Qty("lines[1].qty_m", ("8", 0.9999)), Qty("lines[1].row_total", ("13", 0.9999)),
        ], RowTotals);

        Assert.Equal(["60", "17", "30", "47", "5", "8", "13"], page.Select(c => c.Value));
        Assert.Equal("12", page[1].Raw);
        Assert.Equal([CellValidator.SumCorrected], page[1].Flags); // the page's total, agreeing, does not make the change silent
        Assert.All(page.Where((_, k) => k != 1), c => Assert.True(c.Flags.Count == 0 && c.ConfirmedBySum, $"{c.Path}: {string.Join(", ", c.Flags)} {c.Confidence}"));
    }

    [Fact]
    public void A_page_total_that_does_not_add_up_is_doubted_itself_while_the_rows_that_add_up_stay_accepted()
    {
        var page = CellValidator.CheckSums(
        [
            Total(("99", 0.9999)),
            Qty("lines[0].qty_s", ("12", 0.98), ("17", 0.01)), Qty("lines[0].qty_m", ("30", 0.995)), Qty("lines[0].row_total", ("42", 0.99)),
            Qty("lines[1].qty_s", ("5", 0.99)), Qty("lines[1].qty_m", ("8", 0.9999)), Qty("lines[1].row_total", ("13", 0.9999)),
        ], RowTotals);

        Assert.Contains("sum_mismatch", page[0].Flags);
        Assert.All(page.Skip(1), c => Assert.True(c.Flags.Count == 0 && c.ConfirmedBySum, $"{c.Path}: {string.Join(", ", c.Flags)} {c.Confidence}"));
    }

    private static CellResult Qty(string path, params (string Value, double Probability)[] readings) =>
        new(path, path[(path.IndexOf('.') + 1)..], CellKind.Digits, readings[0].Value, readings[0].Probability, readings[0].Probability < 0.99 ? ["low_confidence"] : [])
        {
            Candidates = [.. readings.Select(r => new NumberCandidate(r.Value, r.Probability))],
        };

    private static CellResult Total(params (string Value, double Probability)[] readings) => Qty("total", readings) with { Path = "total", Field = "total" };
}
