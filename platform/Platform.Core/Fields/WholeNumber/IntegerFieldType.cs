using Platform.Core.Metadata;

namespace Platform.Core.Fields.WholeNumber;

/// <summary>A whole number (quantities, counts), within the field's min and max.</summary>
public sealed class IntegerFieldType() : FieldType("integer", typeof(long))
{
    public override ValueFamily Family => ValueFamily.Number;

    public override FilterKind Filter => FilterKind.Number;

    public override FieldSetting Settings => base.Settings | FieldSetting.Range;

    public override bool AddsUp(FieldDefinition field) => true;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Number(cell, text) is { } n && n == decimal.Truncate(n) && Math.Abs(n) <= long.MaxValue
            ? FieldReading.Of((long)n)
            : FieldReading.Refused("FieldTypes.Cell.NotWholeNumber", text);
}
