using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Money;

/// <summary>An amount: 19 digits, 4 after the point, shown with thousands separators and two decimals; cells may carry ¥, $, € or 元.</summary>
public sealed class MoneyFieldType() : FieldType("money", typeof(decimal))
{
    public override int? DefaultPrecision => 19;

    public override int? DefaultScale => 4;

    public override ValueFamily Family => ValueFamily.Number;

    public override FilterKind Filter => FilterKind.Number;

    public override FieldSetting Settings => base.Settings | FieldSetting.Precision | FieldSetting.Range;

    /// <summary>Amounts computed from a line add up; prices typed in do not.</summary>
    public override bool AddsUp(FieldDefinition field) => field.Type == FieldTypes.Computed.Name;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Number(cell, text) is { } d ? FieldReading.Of(d) : FieldReading.Refused("FieldTypes.Cell.NotNumber", text);

    public override string Display(FieldDefinition field, object value, CultureInfo culture) =>
        value is decimal amount ? amount.ToString("#,0.00", culture) : base.Display(field, value, culture);
}
