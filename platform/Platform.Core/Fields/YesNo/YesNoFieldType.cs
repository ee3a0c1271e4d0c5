using Platform.Core.Metadata;

namespace Platform.Core.Fields.YesNo;

/// <summary>Yes or no; cells may read 是/否, Y/N, √/×.</summary>
public sealed class YesNoFieldType() : FieldType("boolean", typeof(bool))
{
    public override ValueFamily Family => ValueFamily.YesNo;

    public override FilterKind Filter => FilterKind.YesNo;

    public override bool ExportsDisplayText => true;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        CellText.YesNo(cell, text) is { } yes ? FieldReading.Of(yes) : FieldReading.Refused("FieldTypes.Cell.NotYesNo", text);
}
