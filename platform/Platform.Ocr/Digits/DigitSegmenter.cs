namespace Platform.Ocr.Digits;

/// <summary>The ink of one digit as cut from a cell: its pixels (row by row, <see cref="Width"/> wide) and where it lies in the cell.</summary>
public sealed record DigitInk(bool[] Mask, int Width, int Height, int Left, int Top)
{
    public int Right => Left + Width;

    /// <summary>The classifier's 28 × 28 input.</summary>
    public float[] Normalized() => DigitImage.Normalize(Mask, Width, Height);
}

/// <summary>
/// One written digit's place in a cell, with the ways of reading it: usually one piece of ink; for ink
/// too wide for one digit (two digits that touch), also that ink cut in two or three. The classifier
/// chooses among them.
/// </summary>
public sealed record DigitSlot(IReadOnlyList<IReadOnlyList<DigitInk>> Readings);

/// <summary>What is written in a cell, cut into digits: the slots left to right, and marks too small to be digits.</summary>
public sealed record Segmentation(IReadOnlyList<DigitSlot> Slots, int StrayMarks)
{
    public bool IsEmpty => Slots.Count == 0 && StrayMarks == 0;
}

/// <summary>
/// Cuts the ink of a handwritten number into digits: connected strokes, with the pieces of a broken
/// stroke joined (pieces one above the other belong to one digit) and specks dropped; ink wider than a
/// digit is also offered cut where the fewest pixels are inked (touching digits).
/// </summary>
public static class DigitSegmenter
{
    /// <summary>Ink wider than this share of its height may be two touching digits.</summary>
    private const double TouchingAspect = 0.95;

    /// <summary>Ink lower than this share of the cell is a mark (a dot, a dash, a tick), not a digit.</summary>
    private const double StrayHeight = 0.28;

    public static Segmentation Cut(bool[] ink, int width, int height)
    {
        var pieces = Components(ink, width, height);
        var speck = Math.Max(6, (int)(width * height * 0.0015));
        pieces.RemoveAll(p => p.Count < speck && p.Height < height * 0.2);
        if (pieces.Count == 0)
        {
            return new Segmentation([], 0);
        }

        // Pieces one above the other (a 5's flag, a broken 4) are one digit.
        var groups = pieces.Select(p => new List<Piece> { p }).ToList();
        for (var merged = true; merged;)
        {
            merged = false;
            for (var i = 0; i < groups.Count && !merged; i++)
            {
                for (var j = i + 1; j < groups.Count && !merged; j++)
                {
                    if (Stacked(Bounds(groups[i]), Bounds(groups[j])))
                    {
                        groups[i].AddRange(groups[j]);
                        groups.RemoveAt(j);
                        merged = true;
                    }
                }
            }
        }

        var tallest = groups.Max(g => Bounds(g).Height);
        var slots = new List<(int Left, DigitSlot Slot)>();
        var stray = 0;
        foreach (var group in groups)
        {
            var box = Bounds(group);
            if (box.Height < tallest * 0.4 || box.Height < height * StrayHeight)
            {
                stray++; // a dot, a dash, a tick: not a digit
                continue;
            }

            var whole = Ink(group, box);
            var readings = new List<IReadOnlyList<DigitInk>> { new[] { whole } };
            if (box.Width > box.Height * TouchingAspect)
            {
                for (var parts = 2; parts <= 3 && box.Width > box.Height * TouchingAspect * (parts - 1) * 0.8; parts++)
                {
                    if (Split(whole, parts) is { } split)
                    {
                        readings.Add(split);
                    }
                }
            }

            slots.Add((box.Left, new DigitSlot(readings)));
        }

        return new Segmentation([.. slots.OrderBy(s => s.Left).Select(s => s.Slot)], stray);
    }

    /// <summary>Cuts the ink into <paramref name="parts"/> at the columns with the least ink near the even cuts; null when a part would be empty.</summary>
    internal static IReadOnlyList<DigitInk>? Split(DigitInk whole, int parts)
    {
        var column = new int[whole.Width];
        for (var y = 0; y < whole.Height; y++)
        {
            for (var x = 0; x < whole.Width; x++)
            {
                column[x] += whole.Mask[(y * whole.Width) + x] ? 1 : 0;
            }
        }

        var cuts = new List<int> { 0 };
        for (var k = 1; k < parts; k++)
        {
            var even = whole.Width * k / parts;
            var reach = Math.Max(1, whole.Width / (parts * 4));
            var best = Enumerable.Range(Math.Max(cuts[^1] + 1, even - reach), Math.Max(1, (2 * reach) + 1))
                .Where(x => x > cuts[^1] && x < whole.Width)
                .DefaultIfEmpty(even)
                .MinBy(x => (column[x] * 4) + Math.Abs(x - even));
            cuts.Add(best);
        }

        cuts.Add(whole.Width);
        var result = new List<DigitInk>();
        for (var k = 0; k < parts; k++)
        {
            var (from, to) = (cuts[k], cuts[k + 1]);
            if (to - from < 2)
            {
                return null;
            }

            var mask = new bool[(to - from) * whole.Height];
            var any = false;
            for (var y = 0; y < whole.Height; y++)
            {
                for (var x = from; x < to; x++)
                {
                    var inked = whole.Mask[(y * whole.Width) + x];
                    mask[(y * (to - from)) + x - from] = inked;
                    any |= inked;
                }
            }

            if (!any)
            {
                return null;
            }

            result.Add(new DigitInk(mask, to - from, whole.Height, whole.Left + from, whole.Top));
        }

        return result;
    }

    private static bool Stacked(Box a, Box b)
    {
        var overlap = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        return overlap > 0 && overlap >= Math.Min(a.Width, b.Width) * 0.5;
    }

    private static DigitInk Ink(List<Piece> group, Box box)
    {
        var mask = new bool[box.Width * box.Height];
        foreach (var (x, y) in group.SelectMany(p => p.Pixels))
        {
            mask[((y - box.Top) * box.Width) + x - box.Left] = true;
        }

        return new DigitInk(mask, box.Width, box.Height, box.Left, box.Top);
    }

    private static Box Bounds(List<Piece> group)
    {
        var left = group.Min(p => p.Left);
        var top = group.Min(p => p.Top);
        return new Box(left, top, group.Max(p => p.Right) - left, group.Max(p => p.Bottom) - top);
    }

    /// <summary>The 8-connected pieces of ink.</summary>
    private static List<Piece> Components(bool[] ink, int width, int height)
    {
        var seen = new bool[ink.Length];
        var pieces = new List<Piece>();
        var stack = new Stack<int>();
        for (var start = 0; start < ink.Length; start++)
        {
            if (!ink[start] || seen[start])
            {
                continue;
            }

            var pixels = new List<(int X, int Y)>();
            seen[start] = true;
            stack.Push(start);
            while (stack.Count > 0)
            {
                var at = stack.Pop();
                int x = at % width, y = at / width;
                pixels.Add((x, y));
                for (var dy = -1; dy <= 1; dy++)
                {
                    for (var dx = -1; dx <= 1; dx++)
                    {
                        int nx = x + dx, ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < width && ny < height && ink[(ny * width) + nx] && !seen[(ny * width) + nx])
                        {
                            seen[(ny * width) + nx] = true;
                            stack.Push((ny * width) + nx);
                        }
                    }
                }
            }

            pieces.Add(new Piece(pixels));
        }

        return pieces;
    }

    private readonly record struct Box(int Left, int Top, int Width, int Height)
    {
        public int Right => Left + Width;
    }

    private sealed class Piece(List<(int X, int Y)> pixels)
    {
        public List<(int X, int Y)> Pixels { get; } = pixels;

        public int Count => Pixels.Count;

        public int Left { get; } = pixels.Min(p => p.X);

        public int Top { get; } = pixels.Min(p => p.Y);

        public int Right { get; } = pixels.Max(p => p.X) + 1;

        public int Bottom { get; } = pixels.Max(p => p.Y) + 1;

        public int Height => Bottom - Top;
    }
}
