namespace Platform.OcrCapture.Batches;

/// <summary>A batch that cannot be made, with the text key of the reason and its arguments (shown in the user's language).</summary>
public sealed class ScanBatchException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
