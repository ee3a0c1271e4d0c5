using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Platform.Core.Metadata;

/// <summary>
/// An auto-number pattern such as <c>SO-{yyyy}{MM}-{#####}</c>: literal text, date tokens
/// (<c>{yyyy}</c>, <c>{yy}</c>, <c>{MM}</c>, <c>{dd}</c>) and one counter token (<c>{#…}</c>, its
/// width the number of #). The counter restarts whenever the date part changes: per day, month or
/// year, whichever the smallest date token is.
/// </summary>
public sealed partial class AutoNumberFormat
{
    private static readonly string[] DateTokens = ["yyyy", "yy", "MM", "dd"];

    private readonly List<string> _parts;

    private AutoNumberFormat(List<string> parts, int width)
    {
        _parts = parts;
        Width = width;
    }

    public int Width { get; }

    /// <summary>Parses a pattern; <paramref name="problem"/> says what is wrong when it returns null.</summary>
    public static AutoNumberFormat? Parse(string? pattern, out string? problem)
    {
        var format = Parse(pattern, "$.format", out MetadataError? error);
        problem = error?.Message;
        return format;
    }

    /// <summary>Parses a pattern; <paramref name="problem"/> is what is wrong, at <paramref name="path"/> and with its code, when it returns null.</summary>
    public static AutoNumberFormat? Parse(string? pattern, string path, out MetadataError? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 80)
        {
            problem = new(path, "An auto-number needs a format of at most 80 characters, e.g. SO-{yyyy}{MM}-{#####}.") { Code = "autoNumber.length" };
            return null;
        }

        var parts = new List<string>();
        var width = 0;
        foreach (var part in Token().Split(pattern).Where(p => p.Length > 0))
        {
            if (part.StartsWith('{') && part.EndsWith('}'))
            {
                var token = part[1..^1];
                if (token.Length > 0 && token.All(c => c == '#'))
                {
                    if (width > 0)
                    {
                        problem = new(path, "The format has more than one counter {#…}.") { Code = "autoNumber.twoCounters" };
                        return null;
                    }

                    width = token.Length;
                }
                else if (!DateTokens.Contains(token))
                {
                    problem = new(path, $"Unknown token {part}: use {{yyyy}}, {{yy}}, {{MM}}, {{dd}} and one {{#####}}.") { Code = "autoNumber.token", Arguments = [part] };
                    return null;
                }
            }
            else if (part.Contains('{', StringComparison.Ordinal) || part.Contains('}', StringComparison.Ordinal))
            {
                problem = new(path, "Braces must enclose a token such as {yyyy} or {#####}.") { Code = "autoNumber.braces" };
                return null;
            }

            parts.Add(part);
        }

        if (width is 0 or > 12)
        {
            problem = new(path, "The format needs one counter token of 1 to 12 #, e.g. {#####}.") { Code = "autoNumber.counter" };
            return null;
        }

        return new AutoNumberFormat(parts, width);
    }

    /// <summary>The period the counter belongs to on <paramref name="date"/>: the date tokens' values ("" when none).</summary>
    public string PeriodOf(DateOnly date) =>
        string.Concat(_parts.Where(p => p.StartsWith('{') && !p.StartsWith("{#", StringComparison.Ordinal)).Select(p => Date(p, date)));

    public string Format(DateOnly date, long counter)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            text.Append(part.StartsWith("{#", StringComparison.Ordinal) ? counter.ToString(new string('0', Width), CultureInfo.InvariantCulture)
                : part.StartsWith('{') ? Date(part, date)
                : part);
        }

        return text.ToString();
    }

    private static string Date(string token, DateOnly date) => token switch
    {
        "{yyyy}" => date.Year.ToString("D4", CultureInfo.InvariantCulture),
        "{yy}" => (date.Year % 100).ToString("D2", CultureInfo.InvariantCulture),
        "{MM}" => date.Month.ToString("D2", CultureInfo.InvariantCulture),
        _ => date.Day.ToString("D2", CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"(\{[^{}]*\})")]
    private static partial Regex Token();
}
