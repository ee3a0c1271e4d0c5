using Platform.Ocr.Imaging;

namespace Platform.Ocr.Templates;

/// <summary>A ruling line of a blank form: its top (or left) edge, how thick it is, and where it starts and ends along its length.</summary>
public sealed record RulingLine(int Position, int Thickness, int From, int To);

/// <summary>A filled square on a blank form (a registration mark candidate): top left and side.</summary>
public sealed record FilledSquare(int X, int Y, int Size);

/// <summary>
/// What a template designer snaps to on a blank form: its horizontal and vertical ruling lines (the boxes' borders) and its
/// filled squares (registration marks). Found on the picture's ink: runs of ink that continue, row after row, over the same
/// span make a block; a thin long block is a line, a square solid one a mark. Small gaps (a scan's broken stroke) are bridged.
/// </summary>
public sealed record BlankLayout(IReadOnlyList<RulingLine> Horizontal, IReadOnlyList<RulingLine> Vertical, IReadOnlyList<FilledSquare> Marks)
{
    /// <summary>A line is at most this thick; anything thicker is a filled area.</summary>
    public const int MaxLineThickness = 12;

    /// <summary>Marks are squares of 12 to 200 pixels a side.</summary>
    private const int MinMark = 12, MaxMark = 200;

    private const int Gap = 2, Drift = 3;

    public static BlankLayout Find(Picture blank)
    {
        using var grey = blank.Depth == 8 ? blank.Share() : blank.ToGrey();
        using var ink = grey.Threshold();
        var pixels = ink.ReadInk();
        var (width, height) = (ink.Width, ink.Height);
        var minLine = Math.Max(40, Math.Min(width, height) / 40);
        var rows = Blocks(width, height, (along, across) => pixels[(across * width) + along]);
        var columns = Blocks(height, width, (along, across) => pixels[(along * width) + across]);
        return new BlankLayout(
            Lines(rows, minLine),
            Lines(columns, minLine),
            [.. rows.Where(b => IsSquare(b)).Select(b => new FilledSquare(b.From, b.Start, b.To - b.From + 1)).OrderBy(m => m.Y).ThenBy(m => m.X)]);
    }

    private static bool IsSquare(Block block)
    {
        var (side, thickness) = (block.To - block.From + 1, block.Thickness);
        return side is >= MinMark and <= MaxMark && thickness >= MinMark && Math.Abs(side - thickness) <= Math.Max(2, side / 8);
    }

    private static List<RulingLine> Lines(List<Block> blocks, int minLength) =>
        [.. blocks.Where(b => b.Thickness <= MaxLineThickness && b.To - b.From + 1 >= minLength)
            .Select(b => new RulingLine(b.Start, b.Thickness, b.From, b.To))
            .OrderBy(l => l.Position).ThenBy(l => l.From)];

    /// <summary>
    /// Runs of ink along each line of pixels (<paramref name="lines"/> of <paramref name="length"/>), joined with the runs of the next
    /// line that cover nearly the same span.
    /// </summary>
    private static List<Block> Blocks(int length, int lines, Func<int, int, bool> inkAt)
    {
        var done = new List<Block>();
        var open = new List<Block>();
        for (var line = 0; line < lines; line++)
        {
            var next = new List<Block>();
            foreach (var (from, to) in Runs(length, along => inkAt(along, line)))
            {
                var index = open.FindIndex(b => Math.Abs(b.From - from) <= Drift && Math.Abs(b.To - to) <= Drift);
                if (index >= 0)
                {
                    var block = open[index];
                    open.RemoveAt(index);
                    next.Add(block with { Thickness = block.Thickness + 1 });
                }
                else
                {
                    next.Add(new Block(line, 1, from, to));
                }
            }

            done.AddRange(open);
            open = next;
        }

        done.AddRange(open);
        return done;
    }

    /// <summary>Runs of at least <see cref="MinMark"/> pixels of ink, gaps of up to <see cref="Gap"/> pixels bridged.</summary>
    private static IEnumerable<(int From, int To)> Runs(int length, Func<int, bool> inkAt)
    {
        var start = -1;
        var lastInk = -1;
        for (var at = 0; at < length; at++)
        {
            if (!inkAt(at))
            {
                continue;
            }

            if (start >= 0 && at - lastInk > Gap + 1)
            {
                if (lastInk - start + 1 >= MinMark)
                {
                    yield return (start, lastInk);
                }

                start = at;
            }
            else if (start < 0)
            {
                start = at;
            }

            lastInk = at;
        }

        if (start >= 0 && lastInk - start + 1 >= MinMark)
        {
            yield return (start, lastInk);
        }
    }

    private sealed record Block(int Start, int Thickness, int From, int To);
}
