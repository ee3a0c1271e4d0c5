using Platform.Core.Metadata;
using Platform.Ocr.Templates;
using Platform.Records;

namespace Platform.OcrCapture.Records;

/// <summary>
/// Checks a template's record mapping against the template (the cells it reads) and the entities (the fields it fills),
/// so a package with a wrong mapping is refused when it is applied, not when the first sheet is confirmed.
/// </summary>
public static class SheetMappingCheck
{
    /// <summary>The kinds of field a read cell can fill.</summary>
    public static readonly IReadOnlySet<string> Fillable = new HashSet<string>(StringComparer.Ordinal)
    {
        FieldTypes.Text.Name, FieldTypes.LongText.Name, FieldTypes.WholeNumber.Name, FieldTypes.DecimalNumber.Name, FieldTypes.Money.Name,
        FieldTypes.Percent.Name, FieldTypes.Date.Name, FieldTypes.DateTime.Name, FieldTypes.YesNo.Name, FieldTypes.Choice.Name,
        FieldTypes.Email.Name, FieldTypes.Phone.Name, FieldTypes.Url.Name,
    };

    /// <summary>What is wrong with the template's record mapping (its <c>records</c> part), if it has one, against the entities.</summary>
    public static List<TemplateProblem> Problems(FormTemplate template, RecordsSchema schema)
    {
        try
        {
            var problems = SheetMapping.Of(template.Records) is { } mapping ? Problems(template, mapping, schema) : [];
            CheckChoiceSources(template, schema, problems);
            return problems;
        }
        catch (System.Text.Json.JsonException e)
        {
            return [new("records", "mappingUnreadable", e.Message, e.Message)];
        }
    }

    /// <summary>Every problem, each starting with where it is (<c>records.fields.delivery</c>).</summary>
    public static List<TemplateProblem> Problems(FormTemplate template, SheetMapping mapping, RecordsSchema schema)
    {
        var problems = new List<TemplateProblem>();
        var entity = schema.Find(mapping.Entity);
        if (entity is null)
        {
            problems.Add(new("records.entity", "noEntity", $"there is no entity '{mapping.Entity}'.", mapping.Entity));
            return problems;
        }

        if (schema.ParentOf(entity.Name) is { } parent)
        {
            problems.Add(new("records.entity", "entityOfLines", $"'{entity.Name}' holds the lines of '{parent.Parent.Name}'; a sheet becomes a record of its own entity.", entity.Name, parent.Parent.Name));
        }

        var header = template.Cells.GroupBy(c => c.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal); // a field named twice is the format check's to report
        foreach (var (name, source) in mapping.Fields)
        {
            var path = $"records.fields.{name}";
            if (Field(entity, name, source, path, schema, problems) is not { } field)
            {
                continue;
            }

            if (source.Cell is { } cell && !header.ContainsKey(cell))
            {
                problems.Add(new(path, "noHeaderCell", $"the template has no cell '{cell}' outside its rows.", cell));
            }

            if (source.Ticked is { } ticked)
            {
                CheckTicked(field, ticked, header, path, problems);
            }
        }

        if (mapping.SheetField is { } sheetField && Field(entity, sheetField, sheetField, "records.sheetField", schema, problems) is { } sheet && sheet.Type != FieldTypes.Text.Name)
        {
            problems.Add(new("records.sheetField", "sheetField", $"'{sheetField}' must be a text field to hold where the sheet came from.", sheetField));
        }

        if (mapping.Lines is { } lines)
        {
            CheckLines(template, entity, lines, schema, problems);
        }

        foreach (var part in mapping.DuplicateKey.Where(p => !mapping.Fields.ContainsKey(p) && p != mapping.Lines?.Field))
        {
            problems.Add(new("records.duplicateKey", "duplicateKey", $"'{part}' is neither a field the mapping fills nor its lines field.", part));
        }

        return problems;
    }

    private static void CheckTicked(FieldDefinition field, IReadOnlyDictionary<string, string> ticked, Dictionary<string, CellTemplate> header, string path, List<TemplateProblem> problems)
    {
        if (ticked.Count == 0)
        {
            problems.Add(new($"{path}.ticked", "tickedEmpty", "name at least one value and its check box."));
        }

        foreach (var (value, cell) in ticked)
        {
            if (!header.TryGetValue(cell, out var box) || box.Type != CellKind.Check)
            {
                problems.Add(new($"{path}.ticked.{value}", "tickedNoBox", $"'{cell}' is not a check box of the template outside its rows.", cell));
            }

            if (field.Type == FieldTypes.Choice.Name && field.Choices?.Any(c => c.Value == value) != true)
            {
                problems.Add(new($"{path}.ticked.{value}", "tickedNoChoice", $"'{value}' is not a choice of the field '{field.Name}'.", value, field.Name));
            }
        }

        if (field.Type != FieldTypes.Choice.Name && field.Type != FieldTypes.Text.Name)
        {
            problems.Add(new(path, "tickedFieldType", $"a group of check boxes fills a choice or text field, not {field.Type}.", field.Type));
        }
    }

    private static void CheckLines(FormTemplate template, EntityDefinition entity, LineMapping lines, RecordsSchema schema, List<TemplateProblem> problems)
    {
        var linesField = entity.Fields.FirstOrDefault(f => !f.Removed && f.Name.Equals(lines.Field, StringComparison.Ordinal));
        if (linesField?.Type != FieldTypes.Lines.Name || schema.Find(linesField.Target ?? "") is not { } lineEntity)
        {
            problems.Add(new("records.lines.field", "noLinesField", $"'{entity.Name}' has no lines field '{lines.Field}'.", entity.Name, lines.Field));
            return;
        }

        if (template.Rows.FirstOrDefault(r => r.Name == lines.Rows) is not { } group)
        {
            problems.Add(new("records.lines.rows", "noRowGroup", $"the template has no row group '{lines.Rows}'.", lines.Rows));
            return;
        }

        var names = group.Cells.Select(c => c.Field).ToHashSet(StringComparer.Ordinal);
        if (group.Grid is { } grid)
        {
            names.ExceptWith(grid.Columns.Keys);
            names.Add(grid.Field);
            names.Add(grid.Quantity);
        }

        foreach (var (name, source) in lines.Fields)
        {
            var path = $"records.lines.fields.{name}";
            if (source.Ticked is not null)
            {
                problems.Add(new(path, "lineTicked", "a line field is filled from a value of the line, not from check boxes."));
                continue;
            }

            if (Field(lineEntity, name, source, path, schema, problems) is not null && !names.Contains(source.Cell!))
            {
                var has = string.Join(", ", names.Order(StringComparer.Ordinal));
                problems.Add(new(path, "noLineValue", $"a line of '{lines.Rows}' has no value '{source.Cell}' (it has {has}).", lines.Rows, source.Cell, has));
            }
        }
    }

    private static FieldDefinition? Field(EntityDefinition entity, string name, FieldSource source, string path, RecordsSchema schema, List<TemplateProblem> problems)
    {
        var field = entity.Fields.FirstOrDefault(f => !f.Removed && f.Name.Equals(name, StringComparison.Ordinal));
        if (field is null)
        {
            problems.Add(new(path, "noField", $"'{entity.Name}' has no field '{name}'.", entity.Name, name));
            return null;
        }

        if (field.Type == FieldTypes.Lookup.Name || source.By is not null)
        {
            return Lookup(field, source, path, schema, problems) ? field : null;
        }

        if (!Fillable.Contains(field.Type))
        {
            problems.Add(new(path, "notFillable", $"a {field.Type} field is not filled from a scan.", field.Type));
            return null;
        }

        return field;
    }

    /// <summary>A lookup is filled by a record found by one of its fields (<c>"by"</c>): a text field of the lookup's entity.</summary>
    private static bool Lookup(FieldDefinition field, FieldSource source, string path, RecordsSchema schema, List<TemplateProblem> problems)
    {
        if (field.Type != FieldTypes.Lookup.Name)
        {
            problems.Add(new(path, "byNotLookup", $"\"by\" finds a record for a lookup field; '{field.Name}' is a {field.Type} field.", field.Name, field.Type));
            return false;
        }

        if (source.By is null || source.Cell is null)
        {
            problems.Add(new(path, "lookupForm", $"a lookup is filled as {{ \"cell\": \"…\", \"by\": \"a field of '{field.Target}'\" }}: the record whose field holds what the cell reads.", field.Target));
            return false;
        }

        if (schema.Find(field.Target ?? "") is not { } target)
        {
            problems.Add(new(path, "lookupEntity", $"the lookup's entity '{field.Target}' does not exist.", field.Target));
            return false;
        }

        if (target.LiveField(source.By) is not { } by || !Templates.EntityChoices.IsText(by))
        {
            problems.Add(new($"{path}.by", "lookupBy", $"'{target.Name}' has no text field '{source.By}' to find a record by.", target.Name, source.By));
            return false;
        }

        return true;
    }

    /// <summary>Cells whose allowed values are an entity's records must name an entity and a text field it has.</summary>
    public static void CheckChoiceSources(FormTemplate template, RecordsSchema schema, List<TemplateProblem> problems)
    {
        foreach (var (cell, where) in template.Cells.Select((c, i) => (c, $"cells[{i}] '{c.Field}'"))
                     .Concat(template.Rows.SelectMany((g, r) => g.Cells.Select((c, i) => (c, $"rows[{r}] '{g.Name}'.cells[{i}] '{c.Field}'"))))
                     .Where(p => p.Item1.ChoicesFrom is not null))
        {
            var source = cell.ChoicesFrom!;
            if (schema.Find(source.Entity) is not { } entity)
            {
                problems.Add(new(where, "choicesEntity", $"choicesFrom: there is no entity '{source.Entity}'.", source.Entity));
            }
            else if (entity.LiveField(source.Field) is not { } field || !Templates.EntityChoices.IsText(field))
            {
                problems.Add(new(where, "choicesField", $"choicesFrom: '{entity.Name}' has no text field '{source.Field}'.", entity.Name, source.Field));
            }
        }
    }
}
