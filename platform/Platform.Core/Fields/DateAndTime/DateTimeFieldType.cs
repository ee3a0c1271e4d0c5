using Platform.Core.Metadata;

namespace Platform.Core.Fields.DateAndTime;

/// <summary>A moment, stored in UTC and shown in the reader's time zone.</summary>
public sealed class DateTimeFieldType() : FieldType("datetime", typeof(DateTimeOffset))
{
    public override ValueFamily Family => ValueFamily.Date;

    public override FilterKind Filter => FilterKind.DateTime;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.DateTime(cell, text) is { } at ? FieldReading.Of(at) : FieldReading.Refused("FieldTypes.Cell.NotDateTime", text);
}
