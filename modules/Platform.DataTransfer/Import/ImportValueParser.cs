using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Reads a spreadsheet cell as a field's value the way people type them, through the field's kind
/// (<see cref="Core.Fields.FieldType.ReadCell"/>: numbers with separators and currency signs,
/// 2026年3月5日, 是/否, choices by label). Lookups stay text until <see cref="LookupResolver"/> finds them.
/// </summary>
public static class ImportValueParser
{
    public static (object? Value, string? Error) Parse(FieldDefinition field, object? cell, IStringLocalizer messages)
    {
        if (cell is CellProblem problem)
        {
            return (null, problem.Message);
        }

        if (cell is null || (cell is string blank && string.IsNullOrWhiteSpace(blank)))
        {
            return (null, null);
        }

        var text = (cell as string ?? Convert.ToString(cell, CultureInfo.InvariantCulture)!).Trim();
        var reading = (field.ValueKind ?? FieldTypes.Text).ReadCell(field, cell, text);
        return reading.Problem is { } refused
            ? (null, messages[refused.Key, [.. refused.Arguments.Select(a => a ?? "")]])
            : (reading.Value, null);
    }
}
