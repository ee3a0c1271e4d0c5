using Platform.Core.Metadata;

namespace Platform.Core.Fields.DecimalNumber;

/// <summary>A number with decimals (weights, rates): 18 digits, 4 after the point, unless the field says otherwise; a column of them adds up in line grids.</summary>
public sealed class DecimalFieldType() : NumberFieldType("decimal", typeof(decimal), precision: 18, scale: 4)
{
    public override bool AddsUp(FieldDefinition field) => true;
}
