using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Templates;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Records;

/// <summary>A refusal bound to a cell of the sheet (<c>lines[3].qty_m</c>), or to the sheet as a whole when the path is null.</summary>
public sealed record SheetProblem(string? Path, string Message)
{
    /// <summary>The problems a page keeps (<see cref="ScannedPage.RecordProblems"/>).</summary>
    public static IReadOnlyList<SheetProblem> Of(ScannedPage page) =>
        page.RecordProblems is { } json ? JsonSerializer.Deserialize<List<SheetProblem>>(json, JsonSerializerOptions.Web) ?? [] : [];
}

/// <summary>
/// A sheet as the record it becomes, from what its cells hold now (corrections included): the values for the record
/// service (lines as a list), where each line came from, the problems found before saving (two boxes of a one-of-N group
/// ticked, a row with a style but no quantity) and the key that tells the same sheet scanned twice.
/// </summary>
public sealed class SheetRecord
{
    private readonly SheetMapping _mapping;
    private readonly FormTemplate _template;
    private readonly List<LineItem> _lineItems;

    private SheetRecord(FormTemplate template, SheetMapping mapping, Dictionary<string, object?> values, List<LineItem> lineItems, List<SheetProblem> problems, string key)
    {
        (_template, _mapping, Values, _lineItems, Problems, Key) = (template, mapping, values, lineItems, problems, key);
    }

    public Dictionary<string, object?> Values { get; }

    /// <summary>The lines, each a dictionary of line fields (empty without a lines mapping).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Lines =>
        _mapping.Lines is { } lines && Values.GetValueOrDefault(lines.Field) is List<Dictionary<string, object?>> list ? list : [];

    public IReadOnlyList<SheetProblem> Problems { get; }

    /// <summary>SHA-256 (hex) of the template's name and the duplicate key's values; every sheet has one (without a key: its page).</summary>
    public string Key { get; }

    public static SheetRecord Of(FormTemplate template, SheetMapping mapping, RecordsSchemaView schema, IReadOnlyList<ReadCell> cells, string sheetName, string pageKey, IStringLocalizer text)
    {
        var now = cells.ToDictionary(c => c.Path, c => c.Current, StringComparer.Ordinal);
        var problems = new List<SheetProblem>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, source) in mapping.Fields)
        {
            var field = schema.Entity.Fields.First(f => f.Name == name);
            if (source.Cell is { } cell)
            {
                values[name] = Convert(field, now.GetValueOrDefault(cell));
                continue;
            }

            var ticked = source.Ticked!.Where(t => now.GetValueOrDefault(t.Value) == "true").ToList();
            if (ticked.Count > 1)
            {
                problems.Add(new(ticked[0].Value, text["OcrCapture.Records.SeveralTicked", LabelOf(field), string.Join(", ", ticked.Select(t => t.Key))]));
            }

            values[name] = ticked.Count == 1 ? ticked[0].Key : null;
        }

        if (mapping.SheetField is { } sheetField)
        {
            values[sheetField] = sheetName;
        }

        var lineItems = new List<LineItem>();
        if (mapping.Lines is { } lines)
        {
            var results = cells.Select(c => new CellResult(c.Path, c.Field, Enum.Parse<CellKind>(c.Kind, ignoreCase: true), c.Current, c.Confidence, [])).ToList();
            lineItems = [.. LineItems.Of(template, results).Where(l => l.Group == lines.Rows)];
            var list = new List<Dictionary<string, object?>>();
            var grid = template.Rows.First(r => r.Name == lines.Rows).Grid;
            foreach (var item in lineItems)
            {
                if (grid is not null && !item.Values.ContainsKey(grid.Quantity))
                {
                    problems.Add(new($"{lines.Rows}[{item.Row}]", text["OcrCapture.Records.RowWithoutQuantity", item.Row + 1]));
                }

                list.Add(lines.Fields.ToDictionary(f => f.Key, f => Convert(schema.LineField(f.Key), item.Values.GetValueOrDefault(f.Value)), StringComparer.Ordinal));
            }

            values[lines.Field] = list;
        }

        return new SheetRecord(template, mapping, values, lineItems, problems, KeyOf(template.Name, mapping, values, pageKey));
    }

    /// <summary>The cell a field error of the record service is about (<c>lines[2].quantity</c> → the quantity cell of that line's row and size).</summary>
    public string? CellOf(string? recordPath)
    {
        if (recordPath is null)
        {
            return null;
        }

        if (_mapping.Fields.TryGetValue(recordPath, out var source))
        {
            return source.Cells.FirstOrDefault();
        }

        if (_mapping.Lines is not { } lines || !recordPath.StartsWith(lines.Field + "[", StringComparison.Ordinal))
        {
            return null;
        }

        var close = recordPath.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !int.TryParse(recordPath.AsSpan(lines.Field.Length + 1, close - lines.Field.Length - 1), out var index) || index < 0 || index >= _lineItems.Count)
        {
            return null;
        }

        var item = _lineItems[index];
        var field = close + 2 <= recordPath.Length ? recordPath[(close + 2)..] : "";
        var sourceName = lines.Fields.GetValueOrDefault(field);
        var grid = _template.Rows.First(r => r.Name == lines.Rows).Grid;
        if (grid is not null && (sourceName == grid.Quantity || sourceName == grid.Field))
        {
            var size = item.Values.GetValueOrDefault(grid.Field);
            sourceName = grid.Columns.FirstOrDefault(c => c.Value == size).Key;
        }

        return sourceName is null ? $"{lines.Rows}[{item.Row}]" : $"{lines.Rows}[{item.Row}].{sourceName}";
    }

    /// <summary>A read value as the field takes it: ticks as yes/no, a choice by its value or any of its labels, blanks as empty.</summary>
    public static object? Convert(FieldDefinition field, string? read)
    {
        var value = read?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (field.Type == FieldTypes.YesNo.Name)
        {
            return value switch { "true" => true, "false" => false, _ => value };
        }

        if (field.Type == FieldTypes.Choice.Name && field.Choices is { } choices)
        {
            return choices.FirstOrDefault(c => c.Value == value || c.Label.Values.Contains(value, StringComparer.OrdinalIgnoreCase))?.Value ?? value;
        }

        return value;
    }

    private static string LabelOf(FieldDefinition field) =>
        field.Label.For(System.Globalization.CultureInfo.CurrentUICulture.Name) is { Length: > 0 } label ? label : field.Name;

    private static string KeyOf(string templateName, SheetMapping mapping, Dictionary<string, object?> values, string pageKey)
    {
        var parts = mapping.DuplicateKey.Count == 0
            ? [pageKey]
            : mapping.DuplicateKey.Select(p => JsonSerializer.Serialize(Normal(values.GetValueOrDefault(p)))).ToList();
        var text = templateName + "\n" + string.Join("\n", parts);
        return System.Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Values compared without regard to case and spacing; lines in a fixed order.</summary>
    private static object? Normal(object? value) => value switch
    {
        null => null,
        string s => s.Trim().ToUpperInvariant(),
        List<Dictionary<string, object?>> lines => lines.Select(l => string.Join("|", l.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={Normal(v.Value)}")))
            .Order(StringComparer.Ordinal).ToList(),
        _ => System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>The entity a mapping fills and its line entity, looked up once.</summary>
public sealed record RecordsSchemaView(EntityDefinition Entity, EntityDefinition? LineEntity)
{
    public FieldDefinition LineField(string name) => LineEntity!.Fields.First(f => f.Name == name);
}
