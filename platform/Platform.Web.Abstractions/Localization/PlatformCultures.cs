using System.Globalization;

namespace Platform.Web.Localization;

/// <summary>The UI languages the platform ships complete.</summary>
public static class PlatformCultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>The supported culture name matching <paramref name="name"/> (case-insensitive, <c>zh</c> → <c>zh-CN</c>), or null.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var exact = Supported.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return exact;
        }

        try
        {
            var language = CultureInfo.GetCultureInfo(name).TwoLetterISOLanguageName;
            return Supported.FirstOrDefault(c => CultureInfo.GetCultureInfo(c).TwoLetterISOLanguageName == language);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
