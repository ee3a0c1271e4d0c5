using System.Globalization;

namespace Platform.Tests;

/// <summary>Runs a piece of a test in one UI language and puts the previous one back; linked into every test project.</summary>
internal static class UiCulture
{
    public static T In<T>(string culture, Func<T> read)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
