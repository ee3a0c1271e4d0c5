using Platform.Core.Metadata;
using Platform.Workflows.Approvals;

namespace Platform.Workflows.Approvals;

/// <summary>A field of the approval's entity as the designer offers it in conditions and actions: its name, label, how its values are typed, and its choices.</summary>
public sealed record DesignerField(string Name, string Label, ValueKind ValueKind, bool IsPercent, IReadOnlyList<(string Value, string Label)> Choices)
{
    /// <summary>The fields of an entity that conditions and actions can use (not lines, files or images), labelled in <paramref name="culture"/>.</summary>
    public static List<DesignerField> Of(EntityDefinition entity, string culture) =>
    [
        .. entity.LiveFields
            .Where(f => f.ValueKind is { } kind && kind != FieldTypes.Lines && kind != FieldTypes.Attachment && kind != FieldTypes.Image)
            .Select(f => new DesignerField(
                f.Name,
                f.Label.IsBlank ? f.Name : f.Label.For(culture),
                f.ValueKind == FieldTypes.Money || f.ValueKind == FieldTypes.DecimalNumber || f.ValueKind == FieldTypes.WholeNumber || f.ValueKind == FieldTypes.Percent ? ValueKind.Number
                    : f.ValueKind == FieldTypes.YesNo ? ValueKind.YesNo : ValueKind.Text,
                f.ValueKind == FieldTypes.Percent,
                [.. (f.Choices ?? []).Select(c => (c.Value, c.Label.IsBlank ? c.Value : c.Label.For(culture)))])),
    ];

    /// <summary>The fields of an entity an approver could be let change (not numbered or computed by the platform): name and label in <paramref name="culture"/>.</summary>
    public static List<DesignerField> Changeable(EntityDefinition entity, string culture) =>
    [
        .. entity.LiveFields
            .Where(f => f.Kind is { SetByPlatform: false } && f.Formula is null)
            .Select(f => new DesignerField(f.Name, f.Label.IsBlank ? f.Name : f.Label.For(culture), ValueKind.Text, false, [])),
    ];
}
