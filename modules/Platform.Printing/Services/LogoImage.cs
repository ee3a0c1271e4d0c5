namespace Platform.Printing.Services;

/// <summary>
/// A logo upload checked to be a picture a page can show — PNG, JPEG, GIF or WebP, by what its bytes are, not by what its name or
/// type claims — of at most <see cref="MostBytes"/>, its size read from the picture itself; anything else refused saying what.
/// </summary>
public static class LogoImage
{
    public const int MostBytes = 512 * 1024;

    /// <summary>The picture as a <c>data:</c> address.</summary>
    /// <exception cref="PrintRefusedException"><c>Printing.Error.LogoNotImage</c>, <c>Printing.Error.LogoTooLarge</c>.</exception>
    public static string DataAddress(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MostBytes)
        {
            throw new PrintRefusedException("Printing.Error.LogoTooLarge", $"A logo is at most {MostBytes / 1024} KB.", MostBytes / 1024);
        }

        var type = TypeOf(bytes) ?? throw new PrintRefusedException("Printing.Error.LogoNotImage", "The logo is not a picture (PNG, JPEG, GIF or WebP).");
        using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(bytes.ToArray()));
        if (codec is null || codec.Info.Width is <= 0 or > 8000 || codec.Info.Height is <= 0 or > 8000)
        {
            throw new PrintRefusedException("Printing.Error.LogoNotImage", "The logo is not a picture (PNG, JPEG, GIF or WebP).");
        }

        // A header alone (a cut-off upload) has a size but no picture: it must decode whole.
        using var bitmap = new SkiaSharp.SKBitmap(codec.Info.Width, codec.Info.Height);
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SkiaSharp.SKCodecResult.Success)
        {
            throw new PrintRefusedException("Printing.Error.LogoNotImage", "The logo is not a picture (PNG, JPEG, GIF or WebP).");
        }

        return $"data:{type};base64,{Convert.ToBase64String(bytes)}";
    }

    private static string? TypeOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8) ? "image/gif"
        : bytes.Length > 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;
}
