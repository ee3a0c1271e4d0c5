using Platform.Ocr.Digits;

namespace Platform.Ocr.Tests;

/// <summary>Cutting a handwritten number into digits, on crafted cells: apart, touching, broken, specks and stray marks.</summary>
public sealed class DigitSegmenterTests
{
    private const int Width = 120;
    private const int Height = 50;

    [Fact]
    public void Digits_written_apart_are_one_slot_each_left_to_right()
    {
        var cell = new Cell().Bar(10, 8, 5, 34).Ring(40, 8, 22, 34).Bar(80, 8, 5, 34);

        var cut = DigitSegmenter.Cut(cell.Ink, Width, Height);

        Assert.Equal(3, cut.Slots.Count);
        Assert.Equal([10, 40, 80], cut.Slots.Select(s => s.Readings[0][0].Left));
        Assert.All(cut.Slots, s => Assert.Single(s.Readings));
        Assert.Equal(0, cut.StrayMarks);
    }

    [Fact]
    public void Two_digits_that_touch_are_also_offered_cut_where_the_least_ink_is()
    {
        // Two rings joined by a thin bridge: too wide for one digit.
        var cell = new Cell().Ring(20, 8, 22, 34).Ring(44, 8, 22, 34).Bar(41, 24, 4, 2);

        var slot = Assert.Single(DigitSegmenter.Cut(cell.Ink, Width, Height).Slots);

        var pair = Assert.Single(slot.Readings, r => r.Count == 2);
        Assert.InRange(pair[1].Left, 40, 46);
        Assert.InRange(pair[0].Width, 18, 26);
    }

    [Fact]
    public void The_pieces_of_a_broken_stroke_are_one_digit()
    {
        // A "5" written with its flag apart from the body, and a stroke with a gap.
        var cell = new Cell().Bar(30, 8, 18, 3).Ring(30, 16, 18, 26).Bar(70, 8, 5, 14).Bar(70, 26, 5, 16);

        var cut = DigitSegmenter.Cut(cell.Ink, Width, Height);

        Assert.Equal(2, cut.Slots.Count);
        Assert.Equal(34, cut.Slots[0].Readings[0][0].Height);
        Assert.Equal(34, cut.Slots[1].Readings[0][0].Height);
    }

    [Fact]
    public void Specks_are_dropped_and_a_lone_dash_is_a_stray_mark_not_a_digit()
    {
        var specks = new Cell().Bar(5, 5, 2, 2).Bar(100, 40, 1, 2);
        Assert.True(DigitSegmenter.Cut(specks.Ink, Width, Height).IsEmpty);

        var dash = new Cell().Bar(50, 25, 14, 3);
        var cut = DigitSegmenter.Cut(dash.Ink, Width, Height);
        Assert.Empty(cut.Slots);
        Assert.Equal(1, cut.StrayMarks);

        var digitAndDot = new Cell().Bar(30, 8, 5, 34).Bar(60, 38, 4, 4);
        Assert.Single(DigitSegmenter.Cut(digitAndDot.Ink, Width, Height).Slots);
    }

    private sealed class Cell
    {
        public bool[] Ink { get; } = new bool[Width * Height];

        public Cell Bar(int x, int y, int width, int height)
        {
            for (var row = y; row < y + height; row++)
            {
                for (var column = x; column < x + width; column++)
                {
                    Ink[(row * Width) + column] = true;
                }
            }

            return this;
        }

        /// <summary>An upright oval outline 3 pixels thick, like a 0.</summary>
        public Cell Ring(int x, int y, int width, int height)
        {
            double cx = x + (width / 2.0), cy = y + (height / 2.0), rx = width / 2.0, ry = height / 2.0;
            for (var row = y; row < y + height; row++)
            {
                for (var column = x; column < x + width; column++)
                {
                    var outer = Math.Pow((column + 0.5 - cx) / rx, 2) + Math.Pow((row + 0.5 - cy) / ry, 2);
                    var inner = Math.Pow((column + 0.5 - cx) / (rx - 3), 2) + Math.Pow((row + 0.5 - cy) / (ry - 3), 2);
                    Ink[(row * Width) + column] |= outer <= 1 && inner > 1;
                }
            }

            return this;
        }
    }
}
