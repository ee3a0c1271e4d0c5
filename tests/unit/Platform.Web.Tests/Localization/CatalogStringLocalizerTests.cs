using System.Globalization;
using System.Reflection;
using Platform.Web.Localization;

namespace Platform.Web.Tests.Localization;

public sealed class CatalogStringLocalizerTests
{
    private static readonly CatalogStringLocalizer Localizer = new(new LocalizationCatalog([typeof(LocalizationCatalog).Assembly]));

    [Fact]
    public void Reads_the_text_of_the_current_ui_language()
    {
        Assert.Equal("首页", Platform.Tests.UiCulture.In("zh-CN", () => Localizer["Shell.Home"].Value));
        Assert.Equal("Home", Platform.Tests.UiCulture.In("en", () => Localizer["Shell.Home"].Value));
    }

    [Fact]
    public void A_regional_english_falls_back_to_english()
    {
        Assert.Equal("Home", Platform.Tests.UiCulture.In("en-GB", () => Localizer["Shell.Home"].Value));
    }

    [Fact]
    public void Formats_arguments_into_the_text()
    {
        Assert.Equal("欢迎，张三", Platform.Tests.UiCulture.In("zh-CN", () => Localizer["Shell.Home.Welcome", "张三"].Value));
    }

    [Fact]
    public void An_unknown_key_comes_back_as_itself_marked_not_found()
    {
        var text = Platform.Tests.UiCulture.In("zh-CN", () => Localizer["No.Such.Key"]);

        Assert.True(text.ResourceNotFound);
        Assert.Equal("No.Such.Key", text.Value);
    }

    [Fact]
    public void A_key_defined_by_two_modules_stops_start_up()
    {
        var error = Assert.Throws<Abstractions.Configuration.PlatformConfigurationException>(() =>
            new LocalizationCatalog([typeof(LocalizationCatalog).Assembly, new DuplicateKeysAssembly()]));

        Assert.Contains("Shell.Home", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh", "zh-CN")]
    [InlineData("ZH-cn", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData("fr", null)]
    [InlineData("not a culture", null)]
    [InlineData("", null)]
    public void Normalizes_requested_languages_to_the_supported_ones(string requested, string? expected)
    {
        Assert.Equal(expected, PlatformCultures.Normalize(requested));
    }

    /// <summary>An assembly whose en.json repeats a key the shell already defines.</summary>
    private sealed class DuplicateKeysAssembly : Assembly
    {
        public override string[] GetManifestResourceNames() => ["localization:en.json"];

        public override Stream? GetManifestResourceStream(string name) =>
            new MemoryStream("""{ "Shell.Home": "Home again" }"""u8.ToArray());

        public override AssemblyName GetName() => new("Duplicate.Keys");
    }
}
