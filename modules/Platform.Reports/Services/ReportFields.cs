using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Records;
using Platform.Records.Query.Aggregation;

namespace Platform.Reports.Services;

/// <summary>A field the report builder offers: its name, its heading in the reader's language, and what it can do in a report.</summary>
public sealed record ReportField(string Name, string Label, bool IsDate, bool IsNumber);

/// <summary>
/// Which fields of an entity the report builder offers, for the person building it: those they may see, that group (one value per
/// record), measure (numbers for sums and averages, numbers or dates for the least and greatest) or mark a period (dates) — the
/// same rules the engine checks, so the builder never offers what would be refused. Who owns a record, its department and when it
/// was created come with every entity.
/// </summary>
public static class ReportFields
{
    private static readonly FieldDefinition[] System =
    [
        new() { Name = SystemFields.Owner, Type = FieldTypes.User.Name, Label = LocalizedText.Of("负责人", "Owner") },
        new() { Name = SystemFields.Department, Type = FieldTypes.Department.Name, Label = LocalizedText.Of("所属部门", "Department") },
        new() { Name = SystemFields.CreatedAt, Type = FieldTypes.DateTime.Name, Label = LocalizedText.Of("创建时间", "Created") },
        new() { Name = SystemFields.CreatedBy, Type = FieldTypes.User.Name, Label = LocalizedText.Of("创建人", "Created by") },
    ];

    /// <summary>Every field the person may use in a report of <paramref name="entity"/>: its own with a column, then the system ones.</summary>
    public static IReadOnlyList<ReportField> Of(EntityDefinition entity, FieldAccess access, string culture) =>
        [.. entity.LiveFields.Where(f => FieldTypes.StorageOf(f) is { HasColumn: true, HoldsFiles: false } && access.MayRead(f.Name)).Concat(System)
            .Select(f => Describe(f, culture))];

    /// <summary>Those that can group records: one value each (not several choices, not long text).</summary>
    public static IReadOnlyList<ReportField> Groupable(EntityDefinition entity, FieldAccess access, string culture) =>
        [.. Of(entity, access, culture).Where(f => entity.LiveField(f.Name) is not { } field
            || (FieldTypes.StorageOf(field) != FieldTypes.MultiChoice && FieldTypes.StorageOf(field) != FieldTypes.LongText))];

    /// <summary>
    /// The fields of the records the entity's lookups point at that can group (<c>customer/region</c>, headed 客户 · 区域) — and for a
    /// line, those of the record it belongs to (<c>parentId/orderDate</c>, headed 销售订单 · 订单日期) — for the lookups the person may
    /// see and the entities <paramref name="fieldsOf"/> lets them read (null: an entity they may not read).
    /// </summary>
    public static IReadOnlyList<ReportField> Through(EntityDefinition entity, FieldAccess access, string culture, RecordsSchema schema, Func<EntityDefinition, FieldAccess?> fieldsOf)
    {
        var hops = entity.LiveFields.Where(f => f.Kind == FieldTypes.Lookup && f.Target is not null && access.MayRead(f.Name))
            .Select(f => (Hop: f.Name, Heading: StepHeading(schema, entity, f.Name, culture), Target: schema.Find(f.Target!))).ToList();
        if (schema.ParentOf(entity.Name) is { Parent: var parent })
        {
            hops.Insert(0, (SystemFields.ParentId, StepHeading(schema, entity, SystemFields.ParentId, culture), parent));
        }

        return [.. hops.SelectMany(hop => hop.Target is { } target && fieldsOf(target) is { } seen
            ? target.LiveFields.Where(f => FieldTypes.StorageOf(f) is var kind && kind.HasColumn && !kind.HoldsFiles && kind != FieldTypes.MultiChoice && kind != FieldTypes.LongText && seen.MayRead(f.Name))
                .Select(f => Describe(f, culture) with { Name = $"{hop.Hop}/{f.Name}", Label = $"{hop.Heading} · {(f.Label.IsBlank ? f.Name : f.Label.For(culture))}" })
            : [])];
    }

    /// <summary>
    /// How the first step of a path is headed (the 客户 of 客户 · 区域): the lookup's label, or for a line's <c>parentId</c> the label of
    /// the entity of the record it belongs to (销售订单).
    /// </summary>
    public static string StepHeading(RecordsSchema schema, EntityDefinition entity, string hop, string culture)
    {
        var label = hop == SystemFields.ParentId ? schema.ParentOf(entity.Name)?.Parent.Label : entity.LiveField(hop)?.Label;
        return label is null || label.IsBlank ? hop : label.For(culture);
    }

    /// <summary>Those a function can measure: any but long text for counts, numbers for sums and averages, numbers or dates for the least and greatest.</summary>
    public static IReadOnlyList<ReportField> Measurable(EntityDefinition entity, FieldAccess access, string culture, MeasureFunction function) =>
        [.. Of(entity, access, culture).Where(f => function switch
        {
            MeasureFunction.Sum or MeasureFunction.Average => f.IsNumber,
            MeasureFunction.Min or MeasureFunction.Max => f.IsNumber || f.IsDate,
            _ => entity.LiveField(f.Name) is not { } field || FieldTypes.StorageOf(field) != FieldTypes.LongText,
        })];

    /// <summary>Dates and moments: what buckets by day to year and marks a report's period.</summary>
    public static IReadOnlyList<ReportField> Dates(EntityDefinition entity, FieldAccess access, string culture) =>
        [.. Of(entity, access, culture).Where(f => f.IsDate)];

    private static ReportField Describe(FieldDefinition field, string culture)
    {
        var kind = FieldTypes.StorageOf(field);
        return new ReportField(field.Name, field.Label.IsBlank ? field.Name : field.Label.For(culture),
            kind == FieldTypes.Date || kind == FieldTypes.DateTime, kind.IsNumber);
    }
}
