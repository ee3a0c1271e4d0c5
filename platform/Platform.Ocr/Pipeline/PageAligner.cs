using Platform.Ocr.Imaging;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// A page warped onto its template: grey and black-and-white, in the template's pixels; turned over when it was upside
/// down; <see cref="Warnings"/> say what the proof-reader should know about the page (a mark cut off by the scan's edge).
/// </summary>
public sealed record AlignedPage(Picture Grey, Picture Ink, double Skew, bool TurnedOver) : IDisposable
{
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public void Dispose()
    {
        Grey.Dispose();
        Ink.Dispose();
    }
}

/// <summary>
/// Lines a scan up with its template: scales it to the template's size, finds the four registration marks near where
/// they belong, decides which way up the page is, checks that the marks lie as the template has them, and warps the
/// page so every cell is where the template says. Which way up comes from the page itself: where a template's first
/// mark is larger, from the marks; otherwise from where the blank form's printed texts have their ink. A mark the scan
/// cuts off is not trusted — the page is aligned on the other three and carries a warning naming it. A page whose marks
/// are missing or misplaced, or whose way up cannot be told, is refused with the reason.
/// </summary>
public static class PageAligner
{
    /// <summary>How far from its place a mark is looked for, as a share of the page's shorter side (rotation ±3°, scale ±3 %, shifts).</summary>
    private const double SearchMargin = 0.10;

    /// <summary>How far the fourth mark may lie from where the other three put it, as a share of the page's diagonal.</summary>
    private const double MaxMisfit = 0.015;

    /// <summary>How much more ink the printed texts' places must hold one way up than the other for the page to be turned by them.</summary>
    private const double ClearlyMorePrint = 1.5;

    /// <summary>Warning on a page aligned without one of its marks: <c>mark_cut_off:</c> and the mark's id.</summary>
    public const string MarkCutOff = "mark_cut_off";

    public static AlignedPage? Align(Picture scan, FormTemplate template, out string? reason)
    {
        using var grey = scan.Depth == 8 ? scan.Share() : scan.ToGrey();
        using var sized = grey.Width == template.Page.Width && grey.Height == template.Page.Height
            ? null
            : grey.ScaleTo(template.Page.Width, template.Page.Height);
        var page = sized ?? grey;
        using var upright = Locate(page, template);
        if (upright.Fit is not null && MarksTellWhichWayUp(template))
        {
            return Warp(page, template, upright, turned: false, out reason);
        }

        using var over = page.Rotate180();
        using var turned = Locate(over, template);
        switch (upright.Fit, turned.Fit)
        {
            case (null, null):
                reason = upright.Reason;
                return null;
            case (not null, null):
                return Warp(page, template, upright, turned: false, out reason);
            case (null, not null):
                return Warp(over, template, turned, turned: true, out reason);
        }

        // Both ways up the marks fit (alike marks): the printed texts say which.
        var printUpright = PrintedInk(upright, template);
        var printTurned = PrintedInk(turned, template);
        if (printUpright >= printTurned * ClearlyMorePrint)
        {
            return Warp(page, template, upright, turned: false, out reason);
        }

        if (printTurned >= printUpright * ClearlyMorePrint)
        {
            return Warp(over, template, turned, turned: true, out reason);
        }

        reason = $"Which way up the page is cannot be told: the form's printed texts hold about as much ink either way ({printUpright:P0} and {printTurned:P0} of their places). Scan it upright.";
        return null;
    }

    /// <summary>The template's first mark is clearly larger than the others, so marks found where they belong prove the page upright.</summary>
    public static bool MarksTellWhichWayUp(FormTemplate template) =>
        template.Anchors.Count > 1 && template.Anchors.Skip(1).All(a => a.Size * 1.3 <= template.Anchors[0].Size);

    private static AlignedPage? Warp(Picture page, FormTemplate template, Located located, bool turned, out string? reason)
    {
        var fit = located.Fit!;
        reason = null;
        var expected = template.Anchors.Select(a => a.Centre).ToArray();
        var skew = Math.Atan2(fit.Marks[1].Y - fit.Marks[0].Y, fit.Marks[1].X - fit.Marks[0].X) - Math.Atan2(expected[1].Y - expected[0].Y, expected[1].X - expected[0].X);
        var trusted = Enumerable.Range(0, expected.Length).Where(i => i != fit.CutOff).ToList();
        var warped = page.Warp([.. trusted.Select(i => fit.Marks[i])], [.. trusted.Select(i => expected[i])]);
        try
        {
            return new AlignedPage(warped, warped.Binarize(), skew * 180 / Math.PI, turned)
            {
                Warnings = fit.CutOff is { } cut ? [$"{MarkCutOff}:{template.Anchors[cut].Id}"] : [],
            };
        }
        catch
        {
            warped.Dispose();
            throw;
        }
    }

    /// <summary>The marks found in a page one way up: where they are (and which one the scan cut off), or why they do not fit.</summary>
    private sealed record Located(MarkFit? Fit, string? Reason, Picture? Ink) : IDisposable
    {
        public void Dispose() => Ink?.Dispose();
    }

    /// <summary>The four marks' centres in the page; <see cref="CutOff"/> is the one the scan's edge cuts (its centre is a guess).</summary>
    private sealed record MarkFit((double X, double Y)[] Marks, int? CutOff);

    private static Located Locate(Picture page, FormTemplate template)
    {
        var ink = page.Threshold(110);
        var marks = FindMarks(ink, template, out var cutOff, out var reason);
        if (marks is null)
        {
            ink.Dispose();
            return new Located(null, reason, null);
        }

        var expected = template.Anchors.Select(a => a.Centre).ToArray();
        var diagonal = Math.Sqrt((template.Page.Width * (double)template.Page.Width) + (template.Page.Height * (double)template.Page.Height));
        var misfit = cutOff is null ? Misfit(marks, expected) : 0;
        if (misfit > MaxMisfit * diagonal)
        {
            ink.Dispose();
            return new Located(null, $"The registration marks do not lie as this form has them (off by {misfit:0} pixels): a different form, or a folded or cut-off scan.", null);
        }

        return new Located(new MarkFit(marks, cutOff), null, ink);
    }

    /// <summary>
    /// The share of ink where the blank form's printed texts are, the page taken as located: the texts' boxes mapped into
    /// the page through the marks. Upright, the title and labels are where the template has them; turned, other things are.
    /// </summary>
    private static double PrintedInk(Located located, FormTemplate template)
    {
        var fit = located.Fit!;
        var ink = located.Ink!;
        var expected = template.Anchors.Select(a => a.Centre).ToArray();
        var trusted = Enumerable.Range(0, expected.Length).Where(i => i != fit.CutOff).Take(3).ToArray();
        if (Affine.Through([.. trusted.Select(i => expected[i])], [.. trusted.Select(i => fit.Marks[i])]) is not { } map)
        {
            return 0;
        }

        long inked = 0, area = 0;
        foreach (var text in template.Printed)
        {
            var (left, top) = map(text.X, text.Y);
            var (right, bottom) = map(text.X + PrintedWidth(text), text.Y + text.Size);
            var box = Within(new PixelRect((int)Math.Min(left, right), (int)Math.Min(top, bottom), (int)Math.Abs(right - left), (int)Math.Abs(bottom - top)), ink);
            if (box.Width <= 0 || box.Height <= 0)
            {
                continue;
            }

            using var part = ink.Clip(box);
            inked += part.CountInk();
            area += (long)box.Width * box.Height;
        }

        return area == 0 ? 0 : (double)inked / area;
    }

    /// <summary>About how wide a printed text is: a CJK character is as wide as the font is high, others a little over half that.</summary>
    private static double PrintedWidth(PrintedText text) => text.Width ?? text.Text.Sum(c => c >= '\u2E80' ? text.Size : text.Size * 0.55);

    /// <summary>
    /// The centres of the four marks in the page, or null with which were not found. A mark whose blob touches the scan's
    /// edge is cut off (<paramref name="cutOff"/>): accepted, once, when the other three are whole.
    /// </summary>
    private static (double X, double Y)[]? FindMarks(Picture ink, FormTemplate template, out int? cutOff, out string? reason)
    {
        var margin = (int)(SearchMargin * Math.Min(ink.Width, ink.Height));
        var found = new (double X, double Y)[template.Anchors.Count];
        var missing = new List<string>();
        var cut = new List<int>();
        for (var i = 0; i < template.Anchors.Count; i++)
        {
            var anchor = template.Anchors[i];
            var window = Within(new PixelRect(anchor.X, anchor.Y, anchor.Size, anchor.Size).Inflate(margin), ink);
            using var area = ink.Clip(window);
            var blobs = area.InkBlobs();
            var best = blobs
                .Where(b => Fits(b, anchor.Size) && Solid(area, b) && !AtEdge(b, window, ink))
                .Select(b => (Blob: b, Distance: Distance(b.Centre, (anchor.Centre.X - window.X, anchor.Centre.Y - window.Y))))
                .OrderBy(b => b.Distance).FirstOrDefault();
            if (best.Blob.Width > 0)
            {
                found[i] = (best.Blob.Centre.X + window.X, best.Blob.Centre.Y + window.Y);
                continue;
            }

            var partial = blobs
                .Where(b => AtEdge(b, window, ink) && PartOfMark(b, anchor.Size) && Solid(area, b))
                .Select(b => (Blob: b, Distance: Distance(b.Centre, (anchor.Centre.X - window.X, anchor.Centre.Y - window.Y))))
                .OrderBy(b => b.Distance).FirstOrDefault();
            if (partial.Blob.Width > 0)
            {
                found[i] = (partial.Blob.Centre.X + window.X, partial.Blob.Centre.Y + window.Y);
                cut.Add(i);
                continue;
            }

            missing.Add(anchor.Id);
        }

        cutOff = cut.Count == 1 ? cut[0] : null;
        if (missing.Count == 0 && cut.Count > 1)
        {
            reason = $"The registration marks {string.Join(", ", cut.Select(i => template.Anchors[i].Id))} are cut off by the scan's edge: scan the whole page.";
            return null;
        }

        reason = missing.Count == 0 ? null
            : $"The registration mark{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "were" : "was")} not found near {(missing.Count > 1 ? "their places" : "its place")}: not this form, or the scan cuts {(missing.Count > 1 ? "them" : "it")} off.";
        return missing.Count == 0 ? found : null;
    }

    /// <summary>The blob touches the scan's own edge (not only the search window's).</summary>
    private static bool AtEdge(PixelRect blob, PixelRect window, Picture page) =>
        window.X + blob.X <= 0 || window.Y + blob.Y <= 0 || window.X + blob.Right >= page.Width || window.Y + blob.Bottom >= page.Height;

    /// <summary>What the edge left of a mark: as long as the mark one way, at least a quarter of it the other.</summary>
    private static bool PartOfMark(PixelRect blob, int size) =>
        ((blob.Width >= size * 0.75 && blob.Width <= size * 1.3) || (blob.Height >= size * 0.75 && blob.Height <= size * 1.3))
        && blob.Width >= size * 0.25 && blob.Height >= size * 0.25 && blob.Width <= size * 1.3 && blob.Height <= size * 1.3;

    /// <summary>About the mark's size (a rotated square's box grows a little) and about square.</summary>
    private static bool Fits(PixelRect blob, int size) =>
        blob.Width >= size * 0.75 && blob.Width <= size * 1.3 && blob.Height >= size * 0.75 && blob.Height <= size * 1.3;

    /// <summary>Mostly ink, as a filled mark is (a letter or a box outline of that size is not).</summary>
    private static bool Solid(Picture area, PixelRect blob)
    {
        using var part = area.Clip(blob);
        return part.CountInk() >= 0.75 * blob.Width * blob.Height;
    }

    /// <summary>How far the fourth point lies from where the affine map through the first three puts it.</summary>
    private static double Misfit((double X, double Y)[] found, (double X, double Y)[] expected) =>
        Affine.Through(expected, found) is { } map ? Distance(map(expected[3].X, expected[3].Y), found[3]) : double.MaxValue;

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static PixelRect Within(PixelRect rect, Picture page)
    {
        var x = Math.Max(0, rect.X);
        var y = Math.Max(0, rect.Y);
        return new PixelRect(x, y, Math.Min(page.Width, rect.Right) - x, Math.Min(page.Height, rect.Bottom) - y);
    }
}
