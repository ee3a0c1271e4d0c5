namespace Platform.Cli;

/// <summary>Separates command words from <c>--Key=value</c> configuration settings.</summary>
public static class CliArguments
{
    public static (IReadOnlyList<string> Words, IReadOnlyDictionary<string, string?> Settings) Split(IEnumerable<string> args)
    {
        var words = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var arg in args)
        {
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 2)
            {
                settings[arg[2..equals]] = arg[(equals + 1)..];
            }
            else
            {
                words.Add(arg);
            }
        }

        return (words, settings);
    }

    /// <summary>The value after <paramref name="option"/> in <paramref name="words"/>, or null.</summary>
    public static string? ValueOf(IReadOnlyList<string> words, string option)
    {
        for (var i = 0; i < words.Count - 1; i++)
        {
            if (words[i] == option)
            {
                return words[i + 1];
            }
        }

        return null;
    }
}
