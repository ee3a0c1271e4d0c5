namespace Platform.Ocr.Templates;

/// <summary>
/// A mistake in a template: where it is (<c>cells[3] 'qty_s'</c>, <c>records.fields.dealer</c>), what is wrong in the
/// engine's English words, and a <see cref="Code"/> with its <see cref="Arguments"/> so a page can say it in the reader's
/// language (the text <c>OcrCapture.TemplateProblem.{Code}</c> formatted with them, else the English words).
/// </summary>
public sealed record TemplateProblem(string Where, string Code, string Message, params object?[] Arguments)
{
    public override string ToString() => $"{Where}: {Message}";
}
