using Microsoft.Extensions.Localization;
using Platform.Ocr.Templates;

namespace Platform.OcrCapture.Templates;

/// <summary>A template's problem as the designer and the API say it: its place, then what is wrong in the reader's language.</summary>
public static class TemplateProblemText
{
    public static string Of(IStringLocalizer text, TemplateProblem problem) =>
        $"{problem.Where}: {(text[$"OcrCapture.TemplateProblem.{problem.Code}", [.. problem.Arguments.Select(a => a ?? "")]] is { ResourceNotFound: false } said ? said.Value : problem.Message)}";

    public static IReadOnlyList<string> Of(IStringLocalizer text, IEnumerable<TemplateProblem> problems) => [.. problems.Select(p => Of(text, p))];
}
