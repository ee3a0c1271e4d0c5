using System.Globalization;
using System.Text;

namespace Platform.Core.Records.Duplicates;

/// <summary>
/// Values as duplicate checks compare them: full-width letters and digits as half-width, case and spacing and punctuation
/// ignored; company names without their legal form; phones by their digits, without China's country code.
/// </summary>
public static class MatchText
{
    /// <summary>Legal forms at the end of an English or European name, as whole words.</summary>
    private static readonly HashSet<string> LegalWords = new(StringComparer.Ordinal)
    {
        "co", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "llc", "gmbh", "company", "plc", "ag", "sa", "bv", "pte", "pty", "srl", "kk",
    };

    /// <summary>Legal forms at the end of a Chinese name, longest first.</summary>
    private static readonly string[] ChineseForms =
    [
        "集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "股份公司", "责任公司", "集团公司", "公司", "集团",
    ];

    /// <summary>Text as compared: compatibility forms folded (ＡＢＣ１２３ → abc123), lower case, letters and digits only.</summary>
    public static string Plain(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var kept = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                kept.Append(rune.ToString());
            }
        }

        return kept.ToString();
    }

    /// <summary>A company's name as compared: <see cref="Plain"/> without the legal form (华为技术有限公司 → 华为技术; Acme Co., Ltd. → acme).</summary>
    public static string Company(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var rune in name.Normalize(NormalizationForm.FormKC).ToLowerInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                word.Append(rune.ToString());
            }
            else if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }

        if (word.Length > 0)
        {
            words.Add(word.ToString());
        }

        while (words.Count > 1 && LegalWords.Contains(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        var joined = string.Concat(words);
        for (var stripped = true; stripped;)
        {
            stripped = false;
            foreach (var form in ChineseForms)
            {
                if (joined.Length > form.Length && joined.EndsWith(form, StringComparison.Ordinal))
                {
                    joined = joined[..^form.Length];
                    stripped = true;
                    break;
                }
            }
        }

        return joined;
    }

    /// <summary>
    /// A phone number's digits as dialled within China: without the country code, a landline with its area code's 0
    /// (+86 138-0013-8000 → 13800138000; +86 574 6553 1234 → 057465531234).
    /// </summary>
    public static string Phone(string number)
    {
        var written = number.Normalize(NormalizationForm.FormKC);
        var digits = string.Concat(written.Where(char.IsAsciiDigit));
        var international = digits.StartsWith("0086", StringComparison.Ordinal) ? digits[4..]
            : digits.StartsWith("86", StringComparison.Ordinal) && (written.TrimStart().StartsWith('+') || digits.Length == 13) ? digits[2..]
            : null;
        var mobile = international is { Length: 11 } && international.StartsWith('1');
        return international is null || mobile || international.StartsWith('0') ? international ?? digits : "0" + international;
    }

    /// <summary>The pairs of neighbouring characters of a normalised text (a one-character text is its own pair).</summary>
    public static HashSet<string> Pairs(string plain)
    {
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var runes = plain.EnumerateRunes().Select(r => r.ToString()).ToList();
        if (runes.Count == 1)
        {
            pairs.Add(runes[0]);
        }

        for (var i = 0; i + 1 < runes.Count; i++)
        {
            pairs.Add(runes[i] + runes[i + 1]);
        }

        return pairs;
    }

    /// <summary>How alike two normalised texts are, from 0 to 1: twice the pairs they share over the pairs of both (Dice).</summary>
    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * a.Count(b.Contains) / (a.Count + b.Count);

    /// <summary>The fewest pairs a text of <paramref name="pairs"/> pairs must share with another to reach <paramref name="score"/>.</summary>
    public static int FewestShared(int pairs, double score) => Math.Max(1, (int)Math.Ceiling(score * pairs / (2 - score) - 1e-9));

    internal static string Invariant(object value) => value switch
    {
        decimal number => number.ToString("0.############", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
