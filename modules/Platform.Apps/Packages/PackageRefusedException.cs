namespace Platform.Apps.Packages;

/// <summary>An uploaded package refused before anything of it is applied: the message's key and what it names (the file, the limit).</summary>
public sealed class PackageRefusedException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public object[] Arguments { get; } = arguments;
}
