namespace Platform.Core.Metadata;

/// <summary>A text in several UI languages, keyed by culture name (<c>zh-CN</c>, <c>en</c>).</summary>
public sealed class LocalizedText : Dictionary<string, string>
{
    public LocalizedText() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public static LocalizedText Of(string zhCN, string en) => new() { ["zh-CN"] = zhCN, ["en"] = en };

    /// <summary>The text for <paramref name="culture"/>, else its language, else English, else any.</summary>
    public string For(string culture)
    {
        if (TryGetValue(culture, out var exact))
        {
            return exact;
        }

        var language = culture.Split('-')[0];
        return this.FirstOrDefault(p => p.Key.Split('-')[0].Equals(language, StringComparison.OrdinalIgnoreCase)).Value
               ?? (TryGetValue("en", out var english) ? english : Values.FirstOrDefault() ?? "");
    }

    public bool IsBlank => Values.All(string.IsNullOrWhiteSpace);
}
