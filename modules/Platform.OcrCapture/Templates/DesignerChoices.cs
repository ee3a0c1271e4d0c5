using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.OcrCapture.Templates;

/// <summary>The designer's pickers: an entity's fields (named in the reader's language) as value and text.</summary>
public static class DesignerChoices
{
    public static List<object> Fields(EntityDefinition entity, Func<FieldDefinition, bool> which) =>
        [.. entity.Fields.Where(f => !f.Removed && which(f)).Select(f => (object)new { Value = f.Name, Text = $"{Named(f.Label, f.Name)} ({f.Name})" })];

    public static string Named(LocalizedText label, string name) => label.IsBlank ? name : label.For(CultureInfo.CurrentUICulture.Name);
}
