using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.OcrCapture.Templates;

/// <summary>The designer's pickers: an entity's fields (named in the reader's language) as value and text.</summary>
public static class DesignerChoices
{
    public static List<object> Fields(EntityDefinition entity, Func<FieldDefinition, bool> which) =>
        [.. entity.Fields.Where(f => !f.Removed && which(f)).Select(f => (object)new { Value = f.Name, Text = $"{Named(f.Label, f.Name)} ({f.Name})" })];

    /// <summary>The entities records are made of (not those holding another's lines).</summary>
    public static List<object> Entities(Platform.Records.RecordsSchema schema) =>
        [.. schema.Entities.Where(e => schema.ParentOf(e.Name) is null).Select(e => (object)new { Value = e.Name, Text = $"{Named(e.Label, e.Name)} ({e.Name})" })];

    /// <summary>The fields a cell's value can be checked against or a record found by.</summary>
    public static List<object> TextFields(EntityDefinition entity) => Fields(entity, EntityChoices.IsText);

    /// <summary>What a lookup is found by unless chosen: the entity's naming field.</summary>
    public static string? DefaultBy(EntityDefinition? entity) => entity?.NamingField()?.Name;

    public static string Named(LocalizedText label, string name) => label.IsBlank ? name : label.For(CultureInfo.CurrentUICulture.Name);
}
