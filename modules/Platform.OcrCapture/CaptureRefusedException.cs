namespace Platform.OcrCapture;

/// <summary>
/// A batch or a confirmation refused before anything changed, with the text key of the reason and its arguments
/// (shown in the user's language by the pages and the API alike).
/// </summary>
public sealed class CaptureRefusedException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
