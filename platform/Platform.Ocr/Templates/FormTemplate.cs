using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Ocr.Templates;

/// <summary>
/// A paper form as the recogniser knows it (a JSON file in an app package): the page's size in
/// pixels at its DPI, the registration marks it is aligned by, the cells and what each holds, the
/// repeated rows of line items, and the printed texts that make the blank form printable.
/// Coordinates are pixels of the page at <see cref="PageSize.Dpi"/>, from the top left.
/// </summary>
public sealed class FormTemplate
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public string Name { get; set; } = "";

    /// <summary>The form's name for people, by language (zh-CN, en).</summary>
    public Dictionary<string, string> Label { get; set; } = [];

    public PageSize Page { get; set; } = new();

    /// <summary>Registration marks (filled squares near the corners). The first is larger than the others, so a page upside down is recognised as such.</summary>
    public List<Anchor> Anchors { get; set; } = [];

    public List<CellTemplate> Cells { get; set; } = [];

    public List<RowGroup> Rows { get; set; } = [];

    /// <summary>Texts printed on the blank form (title, labels, column headings).</summary>
    public List<PrintedText> Printed { get; set; } = [];

    /// <summary>
    /// How a confirmed sheet becomes a record (entity, fields, lines, duplicate key). The recogniser never reads it: it is
    /// kept with the template so that the form and what it fills travel together, and checked by whoever creates the records.
    /// </summary>
    public JsonElement? Records { get; set; }

    /// <summary>Every cell of the page with its place: the header cells, then each row of each group (fields named <c>lines[3].qty_s</c>).</summary>
    public IEnumerable<PlacedCell> PlacedCells()
    {
        foreach (var cell in Cells)
        {
            yield return new PlacedCell(cell.Field, null, null, cell, new(cell.X, cell.Y, cell.Width, cell.Height));
        }

        foreach (var group in Rows)
        {
            for (var row = 0; row < group.Count; row++)
            {
                foreach (var cell in group.Cells)
                {
                    yield return new PlacedCell($"{group.Name}[{row}].{cell.Field}", group.Name, row, cell,
                        new(cell.X, group.Y + (row * group.Pitch) + cell.Y, cell.Width, cell.Height));
                }
            }
        }
    }

    /// <summary>Reads a template file; every problem is reported at once, each with where it is.</summary>
    public static FormTemplate Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path), Path.GetFileName(path));
        }
        catch (IOException e)
        {
            throw new TemplateException([$"{path}: cannot be read ({e.Message})."]);
        }
    }

    /// <summary>A template document read as it is, not checked (a designer's unfinished draft); <see cref="JsonException"/> when it is no template at all.</summary>
    public static FormTemplate? Deserialize(string json) => JsonSerializer.Deserialize<FormTemplate>(json, Json);

    /// <summary>Everything that keeps the template from use, each problem with its place.</summary>
    public IReadOnlyList<TemplateProblem> Problems() => TemplateValidator.Validate(this);

    public static FormTemplate Parse(string json, string source = "template")
    {
        FormTemplate? template;
        try
        {
            template = Deserialize(json);
        }
        catch (JsonException e)
        {
            throw new TemplateException([$"{source}: not a valid template ({e.Message})"]);
        }

        if (template is null)
        {
            throw new TemplateException([$"{source}: empty."]);
        }

        var problems = TemplateValidator.Validate(template).Select(p => $"{source}: {p}").ToList();
        return problems.Count == 0 ? template : throw new TemplateException(problems);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>The template is not usable: every problem, each naming where it is.</summary>
public sealed class TemplateException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
