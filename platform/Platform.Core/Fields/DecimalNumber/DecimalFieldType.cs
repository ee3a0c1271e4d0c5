using Platform.Core.Metadata;

namespace Platform.Core.Fields.DecimalNumber;

/// <summary>A number with decimals (weights, rates): 18 digits, 4 after the point, unless the field says otherwise.</summary>
public sealed class DecimalFieldType() : FieldType("decimal", typeof(decimal))
{
    public override int? DefaultPrecision => 18;

    public override int? DefaultScale => 4;

    public override ValueFamily Family => ValueFamily.Number;

    public override FilterKind Filter => FilterKind.Number;

    public override FieldSetting Settings => base.Settings | FieldSetting.Precision | FieldSetting.Range;

    public override bool AddsUp(FieldDefinition field) => true;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Number(cell, text) is { } d ? FieldReading.Of(d) : FieldReading.Refused("FieldTypes.Cell.NotNumber", text);
}
