using Platform.Ocr.Digits;
using Platform.Ocr.Imaging;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// Reads one cell of an aligned page: cuts its inside (clear of the box lines), wipes what is left of
/// ruling lines, drops specks, and then measures ink (check marks: Tesseract cannot read √ × ●), reads a
/// handwritten number with the digit classifier, or crops close to the ink with a white border and lets
/// Tesseract read printed text as one line with the cell's whitelist.
/// </summary>
public sealed class CellReader(RecognizerPool recognizers)
{
    /// <summary>The share of handwritten numbers read without review that must be right, when the template does not say.</summary>
    /// <summary>Flag of a cell with writing in it that gave no reading.</summary>
    public const string UnreadInk = "unread_ink";

    public const double DefaultAccuracy = 0.999;

    /// <summary>A row or column of the cell's inside at least this inked is a ruling line, not writing…</summary>
    private const double RulingShare = 0.85;

    /// <summary>…when it lies in this outer band of the inside (a tall letter in the middle, such as I or J, is not a line).</summary>
    private const double RulingBand = 0.2;

    /// <summary>Chinese writing lower than this is enlarged before Tesseract reads it.</summary>
    private const int MinTextHeight = 48;

    /// <summary>The ink inside a cell's box (clear of its lines), what is left of ruling lines wiped: what a handwritten number is cut from.</summary>
    public static (bool[] Ink, int Width, int Height) InkOf(AlignedPage page, PlacedCell placed)
    {
        using var raw = page.Ink.Clip(Inside(placed));
        return (WipeRulings(raw.ReadInk(), raw.Width, raw.Height), raw.Width, raw.Height);
    }

    private static PixelRect Inside(PlacedCell placed)
    {
        var inset = Math.Max(4, (int)(Math.Min(placed.Rect.Width, placed.Rect.Height) * 0.08));
        return new PixelRect(placed.Rect.X + inset, placed.Rect.Y + inset, placed.Rect.Width - (2 * inset), placed.Rect.Height - (2 * inset));
    }

    public CellResult Read(AlignedPage page, PlacedCell placed, bool keepCrop)
    {
        var cell = placed.Cell;
        var inside = Inside(placed);
        byte[]? crop = null;
        if (keepCrop)
        {
            using var picture = page.Grey.Clip(placed.Rect);
            crop = picture.ToPng();
        }

        using var raw = page.Ink.Clip(inside);
        var ink = WipeRulings(raw.ReadInk(), raw.Width, raw.Height);
        var inked = ink.Count(i => i);
        var share = (double)inked / ink.Length;
        if (cell.Type == CellKind.Check)
        {
            var threshold = cell.Threshold ?? 0.05;
            var ticked = share >= threshold;
            var margin = Math.Abs(share - threshold) / threshold;
            return new CellResult(placed.Path, cell.Field, cell.Type, ticked ? "true" : "false", Math.Min(1, 0.5 + (margin / 2)), margin < 0.4 ? ["unsure_mark"] : [])
            {
                Ink = Math.Round(share, 4), Crop = crop,
            };
        }

        if (inked < Math.Max(12, ink.Length * 0.003))
        {
            return new CellResult(placed.Path, cell.Field, cell.Type, null, 1, []) { Crop = crop };
        }

        if (cell.Type == CellKind.Digits)
        {
            return ReadNumber(placed, ink, raw.Width, raw.Height, crop);
        }

        using var cleaned = Picture.FromInk(ink, raw.Width, raw.Height);
        var writing = Writing(cleaned, raw.Height);
        if (writing is null)
        {
            return new CellResult(placed.Path, cell.Field, cell.Type, null, 1, []) { Crop = crop };
        }

        // Printed text: Tesseract gets the grey writing (it thresholds a crop better than one threshold for
        // the page can), Chinese enlarged when small (its strokes need about 48 pixels). Handwritten digits
        // read better from the cleaned black and white.
        var box = writing.Value;
        using var tight = cell.Type == CellKind.Text ? page.Grey.Clip(new PixelRect(inside.X + box.X, inside.Y + box.Y, box.Width, box.Height)) : cleaned.Clip(box);
        using var enlarged = cell.Language == "chi_sim" && cell.Type == CellKind.Text && tight.Height < MinTextHeight
            ? tight.Scale((double)MinTextHeight / tight.Height)
            : tight.Share();
        using var bordered = enlarged.AddWhiteBorder(12);
        var (reading, resolved) = ReadWithRules(bordered, cell);
        var text = string.Concat(reading.Symbols.Select(s => s.Text));
        if (resolved is null && text.Length == 0)
        {
            // Writing is there but nothing could be read from it: empty for the record, never silently.
            return new CellResult(placed.Path, cell.Field, cell.Type, null, 0, [UnreadInk]) { Crop = crop };
        }

        return new CellResult(placed.Path, cell.Field, cell.Type, resolved ?? text, Math.Round(reading.Confidence / 100, 3), [])
        {
            Crop = crop, Raw = resolved is not null && resolved != text ? text : null,
        };
    }

    /// <summary>
    /// A handwritten number: cut into digits, each read by the digit classifier; the cell is accepted without review
    /// only when every digit is as sure as the template's accuracy asks (from the classifier's calibration).
    /// </summary>
    private CellResult ReadNumber(PlacedCell placed, bool[] ink, int width, int height, byte[]? crop)
    {
        var cell = placed.Cell;
        var classifier = recognizers.Digits;
        var reading = NumberReading.Read(DigitSegmenter.Cut(ink, width, height), classifier);
        var flags = reading.Flags.ToList();
        // The cell's accuracy target shared among the digits it holds: each must be that much surer.
        if (reading.Value is not null && reading.LeastDigit < classifier.Calibration.ThresholdFor(cell.Accuracy ?? DefaultAccuracy, reading.Value.Length))
        {
            flags.Add("low_confidence");
        }

        return new CellResult(placed.Path, cell.Field, cell.Type, reading.Value, Math.Round(reading.Confidence, 4), flags) { Crop = crop, Candidates = reading.Candidates };
    }

    /// <summary>
    /// Reads as one line with the whitelist first. When that gives nothing or breaks the cell's rules
    /// (pattern, choices, range) even with Tesseract's alternatives, it tries again without the whitelist
    /// (the LSTM engine sometimes returns nothing under one, or reads J as ]), then as one word and as a
    /// raw line (short Chinese cells often read only so). The first reading the rules accept wins;
    /// otherwise the first that gave anything.
    /// </summary>
    private (Recognition.Recognition Reading, string? Resolved) ReadWithRules(Picture picture, CellTemplate cell)
    {
        var language = cell.Type == CellKind.Digits ? "eng" : cell.Language;
        var whitelist = cell.EffectiveWhitelist;
        var attempts = new List<ReadingOptions> { new(ReadingOptions.SingleLine, whitelist) };
        if (whitelist is not null)
        {
            attempts.Add(new(ReadingOptions.SingleLine));
        }

        attempts.Add(new(ReadingOptions.SingleWord, whitelist));
        attempts.Add(new(ReadingOptions.RawLine, whitelist));
        Recognition.Recognition? first = null;
        foreach (var options in attempts)
        {
            var reading = recognizers.Use(language, r => r.Read(picture, options));
            reading = reading with { Symbols = [.. reading.Symbols.Where(s => !string.IsNullOrWhiteSpace(s.Text))] };
            var text = string.Concat(reading.Symbols.Select(s => s.Text));
            if (text.Length == 0)
            {
                continue;
            }

            first ??= reading;
            if (!HasRules(cell))
            {
                return (reading, null);
            }

            if (CellValidator.Accepts(cell, text))
            {
                return (reading, text);
            }

            if (CandidateSearch.Find(reading.Symbols, v => CellValidator.Accepts(cell, v), cell.Alphabet) is { } resolved)
            {
                return (reading, resolved);
            }
        }

        return (first ?? Recognition.Recognition.Empty, null);
    }

    private static bool HasRules(CellTemplate cell) => cell.Pattern is not null || cell.Choices is { Count: > 0 } || cell.Min is not null || cell.Max is not null;

    /// <summary>Clears rows and columns that are nearly all ink (box edges the inset did not avoid, a table's lines).</summary>
    private static bool[] WipeRulings(bool[] ink, int width, int height)
    {
        bool Edge(int at, int size) => at < size * RulingBand || at >= size * (1 - RulingBand);
        for (var y = 0; y < height; y++)
        {
            if (!Edge(y, height))
            {
                continue;
            }

            var count = 0;
            for (var x = 0; x < width; x++)
            {
                count += ink[(y * width) + x] ? 1 : 0;
            }

            if (count >= width * RulingShare)
            {
                Array.Fill(ink, false, y * width, width);
            }
        }

        for (var x = 0; x < width; x++)
        {
            if (!Edge(x, width))
            {
                continue;
            }

            var count = 0;
            for (var y = 0; y < height; y++)
            {
                count += ink[(y * width) + x] ? 1 : 0;
            }

            if (count >= height * RulingShare)
            {
                for (var y = 0; y < height; y++)
                {
                    ink[(y * width) + x] = false;
                }
            }
        }

        return ink;
    }

    /// <summary>
    /// The box around the writing: every blob but specks of scanner noise (the dots of 米 and 墨 are
    /// small but belong to the writing); null when there is nothing else.
    /// </summary>
    private static PixelRect? Writing(Picture cleaned, int height)
    {
        var strokes = cleaned.InkBlobs().Where(b => b.Height >= height * 0.12 || b.Width * b.Height >= 12).ToList();
        if (strokes.Count == 0)
        {
            return null;
        }

        var left = strokes.Min(b => b.X);
        var top = strokes.Min(b => b.Y);
        return new PixelRect(left, top, strokes.Max(b => b.Right) - left, strokes.Max(b => b.Bottom) - top);
    }
}
