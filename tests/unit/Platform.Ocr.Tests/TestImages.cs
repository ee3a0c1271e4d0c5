using System.Buffers.Binary;
using Platform.Ocr.Native;
using SkiaSharp;

namespace Platform.Ocr.Tests;

/// <summary>Pictures for the tests, drawn with Skia in Debian's fonts, and files broken on purpose.</summary>
internal static class TestImages
{
    private const string Sans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    private const string Chinese = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

    /// <summary>Skips the test, with the reason, where the Debian libraries are missing (the test command installs them).</summary>
    public static void RequireOcr() => Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());

    /// <summary>A line of text, black on white, as PNG; rotated by <paramref name="degrees"/> when given.</summary>
    public static byte[] Text(string text, float size = 40, double degrees = 0, int width = 0, int height = 0)
    {
        using var face = text.Any(c => c > 0x2E80) ? SKTypeface.FromFile(Chinese, 2) : SKTypeface.FromFile(Sans);
        using var font = new SKFont(face, size);
        width = width == 0 ? (int)font.MeasureText(text) + 60 : width;
        height = height == 0 ? (int)(size * 2) : height;
        using var bitmap = new SKBitmap(width, height, SKColorType.Gray8, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.White);
            canvas.RotateDegrees((float)degrees, width / 2f, height / 2f);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            canvas.DrawText(text, 30, (height / 2f) + (size * 0.35f), SKTextAlign.Left, font, ink);
        }

        return Png(bitmap);
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A PNG whose header claims <paramref name="width"/> × <paramref name="height"/> pixels but holds almost no data.</summary>
    public static byte[] PngClaiming(int width, int height)
    {
        var png = Text("x", 20);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        return png[..64];
    }

    /// <summary>An uncompressed multi-page TIFF of 8-bit grey pages (what a document scanner writes for a stack).</summary>
    public static byte[] MultiPageTiff(IReadOnlyList<(int Width, int Height, byte Shade)> pages)
    {
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream);
        writer.Write("II"u8);
        writer.Write((ushort)42);
        writer.Write(0u); // offset of the first directory, filled below
        var previousNext = 4L;
        foreach (var (width, height, shade) in pages)
        {
            var dataOffset = stream.Position;
            for (var i = 0; i < width * height; i++)
            {
                writer.Write(shade);
            }

            if (stream.Position % 2 == 1)
            {
                writer.Write((byte)0);
            }

            var directory = stream.Position;
            stream.Position = previousNext;
            writer.Write((uint)directory);
            stream.Position = directory;
            (ushort Tag, ushort Type, uint Value)[] entries =
            [
                (256, 4, (uint)width), (257, 4, (uint)height), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                (273, 4, (uint)dataOffset), (277, 3, 1), (278, 4, (uint)height), (279, 4, (uint)(width * height)),
            ];
            writer.Write((ushort)entries.Length);
            foreach (var (tag, type, value) in entries)
            {
                writer.Write(tag);
                writer.Write(type);
                writer.Write(1u);
                if (type == 3)
                {
                    writer.Write((ushort)value);
                    writer.Write((ushort)0);
                }
                else
                {
                    writer.Write(value);
                }
            }

            previousNext = stream.Position;
            writer.Write(0u);
        }

        return stream.ToArray();
    }
}
