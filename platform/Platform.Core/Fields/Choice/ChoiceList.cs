using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Choice;

/// <summary>A field's list of choices: its checks, and reading and showing a value by its label.</summary>
public static class ChoiceList
{
    public static ChoiceOption? Find(FieldDefinition field, string value) => field.Choices?.FirstOrDefault(c => c.Value == value);

    /// <summary>A typed value by its value or by its label in either language, ignoring case.</summary>
    public static string? Read(FieldDefinition field, string text) =>
        field.Choices?.FirstOrDefault(c => string.Equals(c.Value, text, StringComparison.OrdinalIgnoreCase)
                                           || c.Label.Values.Any(l => string.Equals(l.Trim(), text, StringComparison.OrdinalIgnoreCase)))?.Value;

    public static string Label(FieldDefinition field, string value, CultureInfo culture) =>
        Find(field, value) is { } option && !option.Label.IsBlank ? option.Label.For(culture.Name) : value;

    /// <summary>The choices as the reader knows them: their labels in the reader's language.</summary>
    public static string Labels(FieldDefinition field) =>
        string.Join(", ", field.Choices?.Select(c => c.Label.IsBlank ? c.Value : c.Label.For(CultureInfo.CurrentUICulture.Name)) ?? []);

    public static void Check(FieldDefinition field, string path, List<MetadataError> errors, int defaultMaxLength)
    {
        if (field.Choices is null || field.Choices.Count == 0)
        {
            errors.Add(MetadataError.Coded($"{path}.choices", "choices.2", "A choice field needs at least one choice."));
            return;
        }

        var values = new HashSet<string>(StringComparer.Ordinal);
        for (var c = 0; c < field.Choices.Count; c++)
        {
            var choice = field.Choices[c];
            var at = $"{path}.choices[{c}]";
            if (string.IsNullOrWhiteSpace(choice?.Value) || choice.Value.Length > (field.MaxLength ?? defaultMaxLength))
            {
                errors.Add(MetadataError.Coded($"{at}.value", "value.1", "A choice needs a value of at most 100 characters."));
            }
            else if (!values.Add(choice.Value))
            {
                errors.Add(MetadataError.Coded($"{at}.value", "value.2", $"The value '{choice.Value}' appears twice.", choice.Value));
            }
            else if (field.Type == FieldTypes.MultiChoice.Name && choice.Value.Contains(',', StringComparison.Ordinal))
            {
                errors.Add(MetadataError.Coded($"{at}.value", "value.3", "Values of a multi-choice field cannot contain commas."));
            }

            if (choice?.Color is { } color && !Regex.IsMatch(color, "^#[0-9A-Fa-f]{6}$", RegexOptions.None, TimeSpan.FromMilliseconds(50)))
            {
                errors.Add(MetadataError.Coded($"{at}.color", "color.1", $"'{color}' is not a colour like #2e7d32.", color));
            }
        }
    }
}
