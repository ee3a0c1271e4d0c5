namespace Platform.OcrCapture.Proofreading;

/// <summary>A confirmation refused before anything changed, with the text key of the reason.</summary>
public sealed class ProofreadingException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
