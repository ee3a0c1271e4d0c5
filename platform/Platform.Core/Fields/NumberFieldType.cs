using Platform.Core.Metadata;

namespace Platform.Core.Fields;

/// <summary>
/// A number (whole, decimal, money, per cent): compared and ranged in filters, changed among numbers,
/// with a min and max, and — when stored with decimals — a precision and scale.
/// </summary>
public abstract class NumberFieldType(string name, Type clrType, int? precision = null, int? scale = null) : FieldType(name, clrType)
{
    public override int? DefaultPrecision => precision;

    public override int? DefaultScale => scale;

    public override ValueFamily Family => ValueFamily.Number;

    public override FilterKind Filter => FilterKind.Number;

    public override FieldSetting Settings => base.Settings | FieldSetting.Range | FieldSetting.LinesTotal | (ClrType == typeof(decimal) ? FieldSetting.Precision : FieldSetting.None);

    /// <summary>A cell read as a number (thousands separators, currency signs), or refused as not a number.</summary>
    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.Number(cell, text) is { } d ? FieldReading.Of(d) : FieldReading.Refused("FieldTypes.Cell.NotNumber", text);
}
