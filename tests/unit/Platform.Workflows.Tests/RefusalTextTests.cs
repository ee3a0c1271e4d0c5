using System.Text.Json;
using System.Text.RegularExpressions;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Tests;

/// <summary>Every reason the engine refuses a file, and every script problem the modeler marks, reads in Chinese and in English.</summary>
public sealed partial class RefusalTextTests
{
    private static Dictionary<string, string> Texts(string language)
    {
        using var stream = typeof(ModelerText).Assembly.GetManifestResourceStream($"localization:{language}.json")
            ?? throw new InvalidOperationException($"The module carries no {language} texts.");
        return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!;
    }

    public static TheoryData<string> Languages => ["en", "zh-CN"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_refusal_code_has_a_text(string language)
    {
        var texts = Texts(language);
        Assert.NotEmpty(BpmnProblem.Codes);
        Assert.All(BpmnProblem.Codes, code => Assert.True(texts.ContainsKey($"Workflows.Problem.{code}"), $"{language} has no text for the refusal {code}"));
    }

    [Theory]
    [InlineData("unexpectedToken")]
    [InlineData("unexpectedEnd")]
    [InlineData("invalidToken")]
    [InlineData("length")]
    [InlineData("other")]
    public void Every_kind_of_script_problem_has_a_text_in_both_languages(string kind)
    {
        Assert.True(Texts("en").ContainsKey($"Workflows.Script.{kind}"));
        Assert.True(Texts("zh-CN").ContainsKey($"Workflows.Script.{kind}"));
    }

    [Fact]
    public void Both_languages_fill_in_the_same_arguments()
    {
        var english = Texts("en");
        var chinese = Texts("zh-CN");
        foreach (var key in english.Keys.Where(k => k.StartsWith("Workflows.Problem.", StringComparison.Ordinal) || k.StartsWith("Workflows.Script.", StringComparison.Ordinal)))
        {
            Assert.Equal(Placeholders(english[key]), Placeholders(chinese[key]));
        }
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
