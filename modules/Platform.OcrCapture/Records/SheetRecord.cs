using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Templates;
using Platform.Records.Ocr;
using Platform.Web.Localization;

namespace Platform.OcrCapture.Records;

/// <summary>
/// A refusal bound to a cell of the sheet (<c>lines[3].qty_m</c>), or to the sheet as a whole when the path is null. It is kept
/// for whoever looks at the batch later, so the sheet's own problems are said in every language of the platform (<see cref="Said"/>);
/// what the record service refused is kept as it said it, in the language of the person who made the records.
/// </summary>
public sealed record SheetProblem(string? Path, string Message)
{
    /// <summary>The message by language (<c>zh-CN</c>, <c>en</c>), when it was said in each.</summary>
    public IReadOnlyDictionary<string, string>? Said { get; init; }

    /// <summary>The message in the reader's language when it was said in it, else as it was said.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Text => Said is { } said && PlatformCultures.Normalize(CultureInfo.CurrentUICulture.Name) is { } culture && said.TryGetValue(culture, out var text)
        ? text
        : Message;

    /// <summary>The problems a page keeps (<see cref="ScannedPage.RecordProblems"/>).</summary>
    public static IReadOnlyList<SheetProblem> Of(ScannedPage page) =>
        page.RecordProblems is { } json ? JsonSerializer.Deserialize<List<SheetProblem>>(json, JsonSerializerOptions.Web) ?? [] : [];

    /// <summary>A problem said in each of the platform's languages, its arguments (field labels) worked out in each.</summary>
    public static SheetProblem InEveryLanguage(string? path, IStringLocalizer text, string key, Func<object[]> arguments)
    {
        var said = new Dictionary<string, string>(StringComparer.Ordinal);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in PlatformCultures.Supported)
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
                said[culture] = text[key, arguments()];
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        return new SheetProblem(path, text[key, arguments()]) { Said = said };
    }
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
    private readonly List<SheetProblem> _problems;

    private SheetRecord(FormTemplate template, SheetMapping mapping, Dictionary<string, object?> values, List<LineItem> lineItems, List<SheetProblem> problems, string key)
    {
        (_template, _mapping, Values, _lineItems, _problems, Key) = (template, mapping, values, lineItems, problems, key);
    }

    public Dictionary<string, object?> Values { get; }

    /// <summary>The lines, each a dictionary of line fields (empty without a lines mapping).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Lines =>
        _mapping.Lines is { } lines && Values.GetValueOrDefault(lines.Field) is List<Dictionary<string, object?>> list ? list : [];

    public IReadOnlyList<SheetProblem> Problems => _problems;

    /// <summary>
    /// The lookup fields the sheet fills (header fields, and line fields as <c>lines[2].product</c>), each still holding what
    /// its cell reads until <see cref="ResolveLookupsAsync"/> puts the found record's id in its place.
    /// </summary>
    public IReadOnlyList<SheetLookup> Lookups { get; private init; } = [];

    /// <summary>SHA-256 (hex) of the template's name and the duplicate key's values; every sheet has one (without a key: its page).</summary>
    public string Key { get; }

    public static SheetRecord Of(FormTemplate template, SheetMapping mapping, RecordsSchemaView schema, IReadOnlyList<ReadCell> cells, string sheetName, string pageKey, IStringLocalizer text)
    {
        var now = cells.ToDictionary(c => c.Path, c => c.Current, StringComparer.Ordinal);
        var problems = new List<SheetProblem>();
        var lookups = new List<SheetLookup>();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, source) in mapping.Fields)
        {
            var field = schema.Entity.Fields.First(f => f.Name == name);
            if (source.Cell is { } cell)
            {
                values[name] = Convert(field, now.GetValueOrDefault(cell));
                if (source.By is { } by && values[name] is string read)
                {
                    lookups.Add(new SheetLookup(name, field, by, read));
                }

                continue;
            }

            var ticked = source.Ticked!.Where(t => now.GetValueOrDefault(t.Value) == "true").ToList();
            if (ticked.Count > 1)
            {
                problems.Add(SheetProblem.InEveryLanguage(ticked[0].Value, text, "OcrCapture.Records.SeveralTicked", () => [LabelOf(field), string.Join(", ", ticked.Select(t => t.Key))]));
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
                    problems.Add(SheetProblem.InEveryLanguage($"{lines.Rows}[{item.Row}]", text, "OcrCapture.Records.RowWithoutQuantity", () => [item.Row + 1]));
                }

                var line = lines.Fields.ToDictionary(f => f.Key, f => Convert(schema.LineField(f.Key), item.Values.GetValueOrDefault(f.Value.Cell!)), StringComparer.Ordinal);
                foreach (var (name, source) in lines.Fields.Where(f => f.Value.By is not null))
                {
                    if (line[name] is string read)
                    {
                        lookups.Add(new SheetLookup($"{lines.Field}[{list.Count}].{name}", schema.LineField(name), source.By!, read));
                    }
                }

                list.Add(line);
            }

            values[lines.Field] = list;
        }

        return new SheetRecord(template, mapping, values, lineItems, problems, KeyOf(template.Name, mapping, values, pageKey)) { Lookups = lookups };
    }

    /// <summary>
    /// Puts in each lookup field the id of the one record whose field holds what the cell reads, found by
    /// <paramref name="find"/> (entity, field, values → the ids of the records holding each value, for the person creating
    /// the records, with the found-by field's name for people); a value no record holds, or several do, becomes a problem bound to its cell.
    /// </summary>
    public async Task ResolveLookupsAsync(Func<string, string, IReadOnlyCollection<string>, Task<(ILookup<string, Guid> Ids, LocalizedText ByLabel)>> find, IStringLocalizer text)
    {
        foreach (var group in Lookups.GroupBy(l => (Entity: l.Field.Target ?? "", l.By)))
        {
            var (found, byLabel) = await find(group.Key.Entity, group.Key.By, [.. group.Select(l => l.Read).Distinct(StringComparer.Ordinal)]);
            foreach (var lookup in group)
            {
                var ids = found[lookup.Read].Distinct().ToList();
                if (ids.Count == 1)
                {
                    Set(lookup.RecordPath, ids[0]);
                    continue;
                }

                _problems.Add(SheetProblem.InEveryLanguage(CellOf(lookup.RecordPath), text, ids.Count == 0 ? "OcrCapture.Records.LookupNotFound" : "OcrCapture.Records.LookupAmbiguous",
                    () => [LabelOf(lookup.Field), lookup.Read, byLabel.For(CultureInfo.CurrentUICulture.Name) is { Length: > 0 } by ? by : group.Key.By]));
            }
        }
    }

    private void Set(string recordPath, Guid id)
    {
        if (_mapping.Lines is { } lines && recordPath.StartsWith(lines.Field + "[", StringComparison.Ordinal))
        {
            var close = recordPath.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(recordPath.AsSpan(lines.Field.Length + 1, close - lines.Field.Length - 1), System.Globalization.CultureInfo.InvariantCulture);
            ((List<Dictionary<string, object?>>)Values[lines.Field]!)[index][recordPath[(close + 2)..]] = id;
            return;
        }

        Values[recordPath] = id;
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
        var sourceName = lines.Fields.GetValueOrDefault(field)?.Cell;
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
        field.Label.For(CultureInfo.CurrentUICulture.Name) is { Length: > 0 } label ? label : field.Name;

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

/// <summary>A lookup field of a sheet (<c>dealer</c>, <c>lines[2].product</c>), the field of its entity it is found by, and what the cell reads.</summary>
public sealed record SheetLookup(string RecordPath, FieldDefinition Field, string By, string Read);

/// <summary>The entity a mapping fills and its line entity, looked up once.</summary>
public sealed record RecordsSchemaView(EntityDefinition Entity, EntityDefinition? LineEntity)
{
    public FieldDefinition LineField(string name) => LineEntity!.Fields.First(f => f.Name == name);
}
