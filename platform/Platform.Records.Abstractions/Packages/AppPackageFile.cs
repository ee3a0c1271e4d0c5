namespace Platform.Records.Packages;

/// <summary>One document of an app package: its path inside the package (<c>entities/customer.json</c>) and its text.</summary>
public sealed record AppPackageFile(string Path, string Content)
{
    /// <summary>The file's bytes when it is a picture (a scanned form's blank, <c>ocr/*.png</c>); its text is then empty.</summary>
    public byte[]? Bytes { get; init; }

    public static bool IsPicture(string path) => path.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase);
}
