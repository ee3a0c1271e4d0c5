using System.Runtime.InteropServices;
using Platform.Ocr.Native;

namespace Platform.Ocr.Imaging;

/// <summary>
/// Pixels to and from managed memory, for the few steps done in C# (ruling-line removal, ink
/// measures). Leptonica packs pixels big-endian within 32-bit words, with <c>wpl</c> words per line.
/// </summary>
public sealed partial class Picture
{
    /// <summary>Grey values 0 (black) … 255 (white), row by row; the picture must be 8-bit.</summary>
    public byte[] ReadGrey()
    {
        RequireDepth(8, "reading grey values");
        var (words, wpl) = Words();
        var pixels = new byte[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                pixels[(y * Width) + x] = (byte)(words[(y * wpl) + (x >> 2)] >> (8 * (3 - (x & 3))));
            }
        }

        return pixels;
    }

    /// <summary>Ink (true) or paper, row by row; the picture must be 1-bit.</summary>
    public bool[] ReadInk()
    {
        RequireDepth(1, "reading ink");
        var (words, wpl) = Words();
        var ink = new bool[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                ink[(y * Width) + x] = ((words[(y * wpl) + (x >> 5)] >> (31 - (x & 31))) & 1) != 0;
            }
        }

        return ink;
    }

    /// <summary>A 1-bit picture from ink values, row by row.</summary>
    public static Picture FromInk(bool[] ink, int width, int height)
    {
        NativeLibraries.EnsureLoaded();
        var picture = new Picture(LeptonicaNative.pixCreate(width, height, 1), "create a picture");
        var wpl = LeptonicaNative.pixGetWpl(picture.Handle);
        var words = new uint[wpl * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (ink[(y * width) + x])
                {
                    words[(y * wpl) + (x >> 5)] |= 1u << (31 - (x & 31));
                }
            }
        }

        Marshal.Copy((int[])(object)words, 0, LeptonicaNative.pixGetData(picture.Handle), words.Length);
        return picture;
    }

    /// <summary>An 8-bit grey picture from values 0 (black) … 255 (white), row by row.</summary>
    public static Picture FromGrey(byte[] pixels, int width, int height)
    {
        NativeLibraries.EnsureLoaded();
        var picture = new Picture(LeptonicaNative.pixCreate(width, height, 8), "create a picture");
        var wpl = LeptonicaNative.pixGetWpl(picture.Handle);
        var words = new uint[wpl * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                words[(y * wpl) + (x >> 2)] |= (uint)pixels[(y * width) + x] << (8 * (3 - (x & 3)));
            }
        }

        Marshal.Copy((int[])(object)words, 0, LeptonicaNative.pixGetData(picture.Handle), words.Length);
        return picture;
    }

    private (uint[] Words, int Wpl) Words()
    {
        var wpl = LeptonicaNative.pixGetWpl(Handle);
        var words = new int[wpl * Height];
        Marshal.Copy(LeptonicaNative.pixGetData(Handle), words, 0, words.Length);
        return ((uint[])(object)words, wpl);
    }

    /// <summary>Copies this picture's rows into the top left of a larger one of the same depth.</summary>
    private void CopyInto(Picture target)
    {
        var (words, wpl) = Words();
        var targetWpl = LeptonicaNative.pixGetWpl(target.Handle);
        var data = LeptonicaNative.pixGetData(target.Handle);
        var copy = Math.Min(wpl, targetWpl);
        for (var y = 0; y < Math.Min(Height, target.Height); y++)
        {
            Marshal.Copy((int[])(object)words, y * wpl, data + (y * targetWpl * 4), copy);
        }
    }
}
