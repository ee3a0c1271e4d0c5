using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Percent;

/// <summary>A share stored as a fraction (0.15) and shown as a percentage (15 %); cells may read 15% or 0.15.</summary>
public sealed class PercentFieldType() : NumberFieldType("percent", typeof(decimal), precision: 9, scale: 4)
{
    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Percent(cell, text) is { } p ? FieldReading.Of(p) : FieldReading.Refused("FieldTypes.Cell.NotPercent", text);

    public override string Display(FieldDefinition field, object value, CultureInfo culture) =>
        value is decimal share ? (share * 100m).ToString("0.##", culture) + " %" : base.Display(field, value, culture);
}
