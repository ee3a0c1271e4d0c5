namespace Platform.Ocr.Imaging;

/// <summary>A rectangle in pixels: left, top, width, height.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public (double X, double Y) Centre => (X + Width / 2.0, Y + Height / 2.0);

    public PixelRect Inflate(int by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);

    public override string ToString() => $"{Width}×{Height} at ({X}, {Y})";
}
