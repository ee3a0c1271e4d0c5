using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Money;

/// <summary>An amount: 19 digits, 4 after the point, shown with thousands separators and two decimals; cells may carry ¥, $, € or 元.</summary>
public sealed class MoneyFieldType() : NumberFieldType("money", typeof(decimal), precision: 19, scale: 4)
{
    /// <summary>Amounts add up, typed in or computed; a price column is switched off by its field's <see cref="FieldDefinition.LinesTotal"/>.</summary>
    public override bool AddsUp(FieldDefinition field) => true;

    public override string Display(FieldDefinition field, object value, CultureInfo culture) =>
        value is decimal amount ? amount.ToString("#,0.00", culture) : base.Display(field, value, culture);
}
