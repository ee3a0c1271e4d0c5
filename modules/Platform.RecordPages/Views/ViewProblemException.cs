namespace Platform.RecordPages.Views;

/// <summary>A view that cannot be used as it is: the text key of the reason and what it names.</summary>
public sealed class ViewProblemException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
