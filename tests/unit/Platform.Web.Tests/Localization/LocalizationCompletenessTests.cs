using System.Reflection;
using System.Text.RegularExpressions;
using Platform.Web.Localization;

namespace Platform.Web.Tests.Localization;

/// <summary>Every text shown to people exists in Chinese and English, and every key the code uses is defined.</summary>
public sealed partial class LocalizationCompletenessTests
{
    private static readonly Assembly[] Assemblies =
        [typeof(LocalizationCatalog).Assembly, typeof(Core.Fields.FieldType).Assembly, typeof(Themes.Admin.Startup).Assembly, typeof(Identity.Startup).Assembly, typeof(Entities.Startup).Assembly, typeof(RecordPages.Startup).Assembly, typeof(DataTransfer.Startup).Assembly, typeof(Workflows.Startup).Assembly, typeof(OcrCapture.Startup).Assembly, typeof(Web.Components.Files.FileDropZone).Assembly];

    public static TheoryData<string> UiAssemblies() => new(Assemblies.Select(a => a.GetName().Name!));

    [Theory]
    [MemberData(nameof(UiAssemblies))]
    public void Chinese_and_English_define_the_same_keys(string assemblyName)
    {
        var texts = LocalizationCatalog.Read(Assembly.Load(assemblyName)).ToDictionary(t => t.Culture, t => t.Texts);

        Assert.True(texts.ContainsKey("en"), $"{assemblyName} has no en.json");
        Assert.True(texts.ContainsKey("zh-CN"), $"{assemblyName} has no zh-CN.json");
        Assert.Empty(texts["en"].Keys.Except(texts["zh-CN"].Keys));
        Assert.Empty(texts["zh-CN"].Keys.Except(texts["en"].Keys));
        Assert.All(texts["zh-CN"], pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), pair.Key));
    }

    [Fact]
    public void Every_key_used_in_the_source_is_defined_in_both_languages()
    {
        var catalog = new LocalizationCatalog(Assemblies);
        var used = SourceFiles().SelectMany(file => KeyUse().Matches(File.ReadAllText(file)).Select(m => (File: file, Key: m.Groups["key"].Value))).ToList();

        Assert.NotEmpty(used);
        var missing = used.Where(u => !catalog.TryGet("en", u.Key, out _) || !catalog.TryGet("zh-CN", u.Key, out _))
            .Select(u => $"{Path.GetFileName(u.File)}: {u.Key}")
            .Distinct()
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_field_type_has_a_message_for_a_value_of_the_wrong_kind()
    {
        var catalog = new LocalizationCatalog(Assemblies);

        Assert.All(Core.Metadata.FieldTypes.All.Keys, type =>
        {
            Assert.True(catalog.TryGet("en", $"FieldTypes.Value.Not.{type}", out _), type);
            Assert.True(catalog.TryGet("zh-CN", $"FieldTypes.Value.Not.{type}", out _), type);
        });
    }

    private static IEnumerable<string> SourceFiles()
    {
        var root = Platform.Tests.RepositoryFolder.Root;
        return new[] { "platform/Platform.Web", "themes/Platform.Themes.Admin", "modules/Platform.Identity", "modules/Platform.Entities", "modules/Platform.Workflows", "modules/Platform.OcrCapture", "platform/Platform.Data", "platform/Platform.Core", "platform/Platform.Bpmn" }
            .SelectMany(dir => Directory.EnumerateFiles(Path.Combine(root, dir), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                        && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));
    }

    // L["Key"], localizer["Key", …], text["Key"], a refusal's key, and keys written as menu/permission data ("Module.Area.Name" literals passed as text keys).
    [GeneratedRegex(@"(?:\bL|localizer|\btext)\[""(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)""|RefusedException\(""(?<key>[A-Z][A-Za-z]+\.[A-Za-z.]+)""|new\(""(?<key>[A-Z][A-Za-z]+\.Menu\.[A-Za-z.]+)""|""(?<key>[A-Z][A-Za-z]+\.Permissions\.[A-Za-z.]+)""|""(?<key>FieldTypes\.(?:Value|Cell)\.[A-Za-z.]+)""")]
    private static partial Regex KeyUse();
}
