namespace Platform.Ocr.Recognition;

/// <summary>
/// How to read one picture: Tesseract's page segmentation mode (7 = one line, 8 = one word, 13 = a
/// raw line, 6 = a block), the characters allowed (empty: any) and the scan's resolution.
/// </summary>
public sealed record ReadingOptions(int PageSegmentation = ReadingOptions.SingleLine, string? Whitelist = null, int Dpi = 300)
{
    public const int Block = 6;
    public const int SingleLine = 7;
    public const int SingleWord = 8;
    public const int RawLine = 13;
}
