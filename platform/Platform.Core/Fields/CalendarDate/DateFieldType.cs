using Platform.Core.Metadata;

namespace Platform.Core.Fields.CalendarDate;

/// <summary>A calendar day, stored and shown as yyyy-MM-dd.</summary>
public sealed class DateFieldType() : FieldType("date", typeof(DateOnly))
{
    public override ValueFamily Family => ValueFamily.Date;

    public override FilterKind Filter => FilterKind.Date;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Date(cell, text) is { } date ? FieldReading.Of(date) : FieldReading.Refused("FieldTypes.Cell.NotDate", text);
}
