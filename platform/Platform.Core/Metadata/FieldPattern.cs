using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Platform.Core.Metadata;

/// <summary>
/// A field's pattern (e.g. <c>^[A-Z]{2}-\d{4}$</c>) as a compiled matcher that cannot be made to run
/// for long. Patterns run with .NET's non-backtracking engine, whose time grows only with the
/// value's length, so <c>^(a+)+$</c> against "aaaa…a!" answers at once. The few constructs that
/// engine lacks (look-arounds, back-references, atomic groups) fall back to the backtracking engine
/// with a time limit, and running out of time is answered as "could not be checked", never a crash.
/// </summary>
public static class FieldPattern
{
    public const int MaxLength = 500;
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(100);
    private const int MaxCached = 1000;
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    /// <summary>True or false; null when the value could not be checked within <see cref="Timeout"/>.</summary>
    public static bool? Matches(string pattern, string value)
    {
        try
        {
            return Of(pattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    /// <summary>Whether <paramref name="pattern"/> is a regular expression this platform accepts.</summary>
    public static bool IsValid(string pattern)
    {
        if (pattern.Length > MaxLength)
        {
            return false;
        }

        try
        {
            _ = Of(pattern);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Regex Of(string pattern)
    {
        if (Compiled.TryGetValue(pattern, out var regex))
        {
            return regex;
        }

        if (Compiled.Count >= MaxCached)
        {
            Compiled.Clear();
        }

        try
        {
            regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, Timeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(pattern, RegexOptions.CultureInvariant, Timeout);
        }

        return Compiled.GetOrAdd(pattern, regex);
    }
}
