using System.Globalization;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Choice;

/// <summary>One of a list of values (a status, a region), each with a label in both languages and an optional colour.</summary>
public sealed class ChoiceFieldType() : FieldType("choice", typeof(string))
{
    public override int? DefaultMaxLength => 100;

    public override ValueFamily Family => ValueFamily.Text;

    public override FilterKind Filter => FilterKind.Choice;

    public override FieldSetting Settings => base.Settings | FieldSetting.Choices;

    public override bool IdentifiesRecords => true;

    public override bool ExportsDisplayText => true;

    public override void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        RefuseFormat(field, path, errors);
        RefuseTarget(field, path, errors);
        ChoiceList.Check(field, path, errors, DefaultMaxLength!.Value);
    }

    public override FieldProblem? CheckValue(FieldDefinition field, object value) =>
        base.CheckValue(field, value) ?? (value is string text && ChoiceList.Find(field, text) is null ? new FieldProblem("FieldTypes.Value.NotAChoice", text) : null);

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text) =>
        ChoiceList.Read(field, text) is { } value ? FieldReading.Of(value) : FieldReading.Refused("FieldTypes.Cell.NotChoice", text, ChoiceList.Labels(field));

    public override string Display(FieldDefinition field, object value, CultureInfo culture) =>
        value is string text ? ChoiceList.Label(field, text, culture) : base.Display(field, value, culture);
}
