using System.Text.Json;

namespace Platform.OcrCapture.Batches;

/// <summary>A template's label in the user's language (else the other one), read from its definition.</summary>
public static class TemplateText
{
    public static string? Label(string definition, string culture)
    {
        using var document = JsonDocument.Parse(definition);
        if (!document.RootElement.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var preferred = culture.StartsWith("zh", StringComparison.Ordinal) ? new[] { "zh-CN", "en" } : ["en", "zh-CN"];
        return preferred.Select(c => label.TryGetProperty(c, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null)
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
    }
}
