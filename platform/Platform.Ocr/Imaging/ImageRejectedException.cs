namespace Platform.Ocr.Imaging;

/// <summary>
/// A file or image the pipeline refuses, with a message that says why (not an image, truncated, too large…)
/// and a <see cref="Pipeline.PageProblems"/> code, for telling the reason in the user's language.
/// </summary>
public sealed class ImageRejectedException(string message, string code = Pipeline.PageProblems.Unreadable) : Exception(message)
{
    public string Code { get; } = code;
}
