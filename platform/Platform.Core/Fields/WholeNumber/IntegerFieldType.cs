using Platform.Core.Metadata;

namespace Platform.Core.Fields.WholeNumber;

/// <summary>A whole number (quantities, counts), within the field's min and max; a column of them adds up in line grids.</summary>
public sealed class IntegerFieldType() : NumberFieldType("integer", typeof(long))
{
    public override bool AddsUp(FieldDefinition field) => true;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Number(cell, text) is { } n && n == decimal.Truncate(n) && Math.Abs(n) <= long.MaxValue
            ? FieldReading.Of((long)n)
            : FieldReading.Refused("FieldTypes.Cell.NotWholeNumber", text);
}
