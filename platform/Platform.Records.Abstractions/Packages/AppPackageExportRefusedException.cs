namespace Platform.Records.Packages;

/// <summary>An export that cannot be written as asked: <see cref="Key"/> is the message's key, with its <see cref="Arguments"/>.</summary>
public sealed class AppPackageExportRefusedException(string key, params object[] arguments) : Exception(key)
{
    public string Key { get; } = key;

    public object[] Arguments { get; } = arguments;
}

/// <summary>How much of an app's data a package carries.</summary>
public static class AppPackageLimits
{
    /// <summary>The most records of one entity a package carries as sample data; more is a data export's work, not an app's.</summary>
    public const int MostSampleRecords = 10_000;
}
