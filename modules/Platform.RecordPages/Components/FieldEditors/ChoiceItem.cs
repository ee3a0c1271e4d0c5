using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.RecordPages.Forms;

namespace Platform.RecordPages.Components.FieldEditors;

/// <summary>One choice as a drop-down lists it: its value, its label in the reader's language and a safe colour.</summary>
public sealed record ChoiceItem(string Value, string Text, string Colour)
{
    public static IReadOnlyList<ChoiceItem> Of(FieldDefinition field) =>
        [.. (field.Choices ?? []).Select(c => new ChoiceItem(c.Value, c.Label.IsBlank ? c.Value : c.Label.For(CultureInfo.CurrentUICulture.Name), FieldText.SafeColour(c.Color) ?? "transparent"))];
}
