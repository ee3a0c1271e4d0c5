using Platform.Ocr.Imaging;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>A page warped onto its template: grey and black-and-white, in the template's pixels.</summary>
public sealed record AlignedPage(Picture Grey, Picture Ink, double Skew, bool TurnedOver) : IDisposable
{
    public void Dispose()
    {
        Grey.Dispose();
        Ink.Dispose();
    }
}

/// <summary>
/// Lines a scan up with its template: scales it to the template's size, finds the four registration
/// marks near where they belong, turns the page over when it is upside down (the first mark is the
/// larger one), checks that the marks lie as the template has them, and warps the page so every
/// cell is where the template says. A page whose marks are missing or misplaced is refused with the reason.
/// </summary>
public static class PageAligner
{
    /// <summary>How far from its place a mark is looked for, as a share of the page's shorter side (rotation ±3°, scale ±3 %, shifts).</summary>
    private const double SearchMargin = 0.10;

    /// <summary>How far the fourth mark may lie from where the other three put it, as a share of the page's diagonal.</summary>
    private const double MaxMisfit = 0.015;

    public static AlignedPage? Align(Picture scan, FormTemplate template, out string? reason)
    {
        using var grey = scan.Depth == 8 ? scan.Share() : scan.ToGrey();
        using var sized = grey.Width == template.Page.Width && grey.Height == template.Page.Height
            ? null
            : grey.ScaleTo(template.Page.Width, template.Page.Height);
        var page = sized ?? grey;
        var marks = FindMarks(page, template, out reason);
        var turned = false;
        if (marks is null)
        {
            using var over = page.Rotate180();
            var overMarks = FindMarks(over, template, out _);
            if (overMarks is not null)
            {
                turned = true;
                reason = null;
                return Warp(over, template, overMarks, turned, out reason);
            }

            return null;
        }

        return Warp(page, template, marks, turned, out reason);
    }

    private static AlignedPage? Warp(Picture page, FormTemplate template, (double X, double Y)[] marks, bool turned, out string? reason)
    {
        var expected = template.Anchors.Select(a => a.Centre).ToArray();
        var misfit = Misfit(marks, expected);
        var diagonal = Math.Sqrt((template.Page.Width * (double)template.Page.Width) + (template.Page.Height * (double)template.Page.Height));
        if (misfit > MaxMisfit * diagonal)
        {
            reason = $"The registration marks do not lie as this form has them (off by {misfit:0} pixels): a different form, or a folded or cut-off scan.";
            return null;
        }

        reason = null;
        var skew = Math.Atan2(marks[1].Y - marks[0].Y, marks[1].X - marks[0].X) - Math.Atan2(expected[1].Y - expected[0].Y, expected[1].X - expected[0].X);
        var warped = page.Warp(marks, expected);
        try
        {
            return new AlignedPage(warped, warped.Binarize(), skew * 180 / Math.PI, turned);
        }
        catch
        {
            warped.Dispose();
            throw;
        }
    }

    /// <summary>The centres of the four marks in the page, or null with which were not found.</summary>
    private static (double X, double Y)[]? FindMarks(Picture page, FormTemplate template, out string? reason)
    {
        using var ink = page.Threshold(110);
        var margin = (int)(SearchMargin * Math.Min(page.Width, page.Height));
        var found = new (double X, double Y)[template.Anchors.Count];
        var missing = new List<string>();
        for (var i = 0; i < template.Anchors.Count; i++)
        {
            var anchor = template.Anchors[i];
            var window = Within(new PixelRect(anchor.X, anchor.Y, anchor.Size, anchor.Size).Inflate(margin), page);
            using var area = ink.Clip(window);
            var best = area.InkBlobs()
                .Where(b => Fits(b, anchor.Size) && Solid(area, b))
                .Select(b => (Blob: b, Distance: Distance(b.Centre, (anchor.Centre.X - window.X, anchor.Centre.Y - window.Y))))
                .OrderBy(b => b.Distance).FirstOrDefault();
            if (best.Blob.Width == 0)
            {
                missing.Add(anchor.Id);
                continue;
            }

            found[i] = (best.Blob.Centre.X + window.X, best.Blob.Centre.Y + window.Y);
        }

        reason = missing.Count == 0 ? null
            : $"The registration mark{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "were" : "was")} not found near {(missing.Count > 1 ? "their places" : "its place")}: not this form, or the scan cuts {(missing.Count > 1 ? "them" : "it")} off.";
        return missing.Count == 0 ? found : null;
    }

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
    private static double Misfit((double X, double Y)[] found, (double X, double Y)[] expected)
    {
        // Solve found = A · expected + t from the first three pairs (Cramer's rule), then predict the fourth.
        var (e0, e1, e2) = (expected[0], expected[1], expected[2]);
        var det = ((e1.X - e0.X) * (e2.Y - e0.Y)) - ((e2.X - e0.X) * (e1.Y - e0.Y));
        if (Math.Abs(det) < 1e-6)
        {
            return double.MaxValue;
        }

        (double X, double Y) Map((double X, double Y) p)
        {
            var u = (((p.X - e0.X) * (e2.Y - e0.Y)) - ((e2.X - e0.X) * (p.Y - e0.Y))) / det;
            var v = (((e1.X - e0.X) * (p.Y - e0.Y)) - ((p.X - e0.X) * (e1.Y - e0.Y))) / det;
            return (found[0].X + (u * (found[1].X - found[0].X)) + (v * (found[2].X - found[0].X)),
                    found[0].Y + (u * (found[1].Y - found[0].Y)) + (v * (found[2].Y - found[0].Y)));
        }

        return Distance(Map(expected[3]), found[3]);
    }

    private static double Distance((double X, double Y) a, (double X, double Y) b) => Math.Sqrt(((a.X - b.X) * (a.X - b.X)) + ((a.Y - b.Y) * (a.Y - b.Y)));

    private static PixelRect Within(PixelRect rect, Picture page)
    {
        var x = Math.Max(0, rect.X);
        var y = Math.Max(0, rect.Y);
        return new PixelRect(x, y, Math.Min(page.Width, rect.Right) - x, Math.Min(page.Height, rect.Bottom) - y);
    }
}
