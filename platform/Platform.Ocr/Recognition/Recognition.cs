namespace Platform.Ocr.Recognition;

/// <summary>What Tesseract read in a picture: the text, its mean confidence (0–100) and each symbol with its alternatives.</summary>
public sealed record Recognition(string Text, double Confidence, IReadOnlyList<RecognizedSymbol> Symbols)
{
    public static readonly Recognition Empty = new("", 0, []);
}

/// <summary>One character as read, how sure (0–100), and the other candidates Tesseract weighed, best first.</summary>
public sealed record RecognizedSymbol(string Text, double Confidence, IReadOnlyList<(string Text, double Confidence)> Choices);
