using System.Globalization;
using System.Text.Json;
using Platform.Core.Fields.Choice;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.MultiChoice;

/// <summary>
/// Several of the choices at once (tags, product lines of interest). Values arrive as a list (or one
/// comma-separated text) and are stored as the chosen values in the order of the choice list,
/// comma-separated: one value, one spelling.
/// </summary>
public sealed class MultiChoiceFieldType() : FieldType("multiChoice", typeof(string))
{
    private static readonly char[] CellSeparators = [',', '，', '、', ';', '；'];

    public override int? DefaultMaxLength => 1000;

    public override ValueFamily Family => ValueFamily.Choices;

    public override FilterKind Filter => FilterKind.Choices;

    public override FieldSetting Settings => FieldSetting.Required | FieldSetting.Choices | FieldSetting.Expressions;

    public override bool ExportsDisplayText => true;

    public override string EditedAs => "choice";

    public override bool Wide => true;

    public override void CheckSettings(FieldDefinition field, string path, List<MetadataError> errors)
    {
        RefuseFormat(field, path, errors);
        RefuseTarget(field, path, errors);
        ChoiceList.Check(field, path, errors, FieldTypes.Choice.DefaultMaxLength!.Value);
    }

    public override object? ReadInput(FieldDefinition field, object input, out FieldProblem? problem)
    {
        problem = null;
        IEnumerable<string?>? given = input switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array when array.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                array.EnumerateArray().Select(e => e.GetString()),
            JsonElement { ValueKind: JsonValueKind.String } text => text.GetString()!.Split(','),
            string text => text.Split(','),
            IEnumerable<string> list => list,
            _ => null,
        };
        if (given is null)
        {
            problem = new FieldProblem("FieldTypes.Value.Not.multiChoice");
            return null;
        }

        var chosen = given.Select(v => v?.Trim()).Where(v => !string.IsNullOrEmpty(v)).ToHashSet(StringComparer.Ordinal);
        if (chosen.FirstOrDefault(v => ChoiceList.Find(field, v!) is null) is { } unknown)
        {
            problem = new FieldProblem("FieldTypes.Value.NotAChoice", unknown);
            return null;
        }

        var stored = string.Join(",", field.Choices!.Where(c => chosen.Contains(c.Value)).Select(c => c.Value));
        if (stored.Length > (field.MaxLength ?? DefaultMaxLength))
        {
            problem = new FieldProblem("FieldTypes.Value.TooLong", field.MaxLength ?? DefaultMaxLength);
            return null;
        }

        return stored.Length == 0 ? null : stored;
    }

    /// <summary>Everything was checked while reading.</summary>
    public override FieldProblem? CheckValue(FieldDefinition field, object value) => null;

    public override FieldReading ReadCell(FieldDefinition field, object cell, string text)
    {
        var values = new List<string>();
        foreach (var part in text.Split(CellSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (ChoiceList.Read(field, part) is not { } value)
            {
                return FieldReading.Refused("FieldTypes.Cell.NotChoice", part, ChoiceList.Labels(field));
            }

            values.Add(value);
        }

        return FieldReading.Of(string.Join(",", values.Distinct()));
    }

    public override string Display(FieldDefinition field, object value, CultureInfo culture) =>
        value is string text
            ? string.Join(", ", text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => ChoiceList.Label(field, v, culture)))
            : base.Display(field, value, culture);
}
