using System.Text.Json;
using Platform.Ocr.Templates;
using Platform.OcrCapture.Records;

namespace Platform.OcrCapture.Templates;

/// <summary>
/// The template designer's document and what can be done to it: cells, marks and printed texts drawn on the blank, moved and
/// sized; header cells turned into a row group repeated down the form's boxes; the record mapping (which entity field each cell
/// fills); every change undoable. Elements are named for the drawing: <c>a2</c> a mark, <c>c0</c> a header cell, <c>g0</c> a row
/// group, <c>g0c3</c> a cell of its rows, <c>p1</c> a printed text.
/// </summary>
public sealed class TemplateEditor
{
    private const int MostUndo = 200;

    /// <summary>How far a row group's band reaches beyond its cells, to be clicked.</summary>
    private const int RowsMargin = 24;

    private readonly LinkedList<string> _undo = new();
    private readonly Stack<string> _redo = new();

    public TemplateEditor(string document)
    {
        (Template, Mapping) = Load(document);
    }

    public FormTemplate Template { get; private set; }

    /// <summary>Which records confirmed sheets become (kept in the template's <c>records</c> part).</summary>
    public SheetMapping Mapping { get; private set; }

    /// <summary>Changed since the last save.</summary>
    public bool Dirty { get; set; }

    public bool CanUndo => _undo.Count > 0;

    public bool CanRedo => _redo.Count > 0;

    /// <summary>The document as it is now (the template format, with the mapping when it names an entity).</summary>
    public string ToJson() => WithMapping().ToJson();

    /// <summary>The template with the record mapping as it is now written into its <c>records</c> part (what would be saved).</summary>
    public FormTemplate WithMapping()
    {
        Template.Records = string.IsNullOrEmpty(Mapping.Entity) ? null : JsonSerializer.SerializeToElement(Mapping, SheetMapping.Json);
        return Template;
    }

    /// <summary>Makes a change that undo takes back.</summary>
    public void Change(Action<FormTemplate> change)
    {
        _undo.AddLast(ToJson());
        if (_undo.Count > MostUndo)
        {
            _undo.RemoveFirst();
        }

        _redo.Clear();
        change(Template);
        Dirty = true;
    }

    public void Undo()
    {
        if (_undo.Last is { } last)
        {
            _redo.Push(ToJson());
            _undo.RemoveLast();
            (Template, Mapping) = Load(last.Value);
            Dirty = true;
        }
    }

    public void Redo()
    {
        if (_redo.TryPop(out var next))
        {
            _undo.AddLast(ToJson());
            (Template, Mapping) = Load(next);
            Dirty = true;
        }
    }

    /// <summary>A new cell where it was drawn: a small square is a tick box, anything else a printed-text cell to be set.</summary>
    public string AddCell(Rect rect)
    {
        var check = rect.Width <= 80 && rect.Height <= 80 && Math.Abs(rect.Width - rect.Height) <= Math.Max(rect.Width, rect.Height) / 4;
        var field = NewName(check ? "check" : "field", AllFields());
        Change(t => t.Cells.Add(new CellTemplate
        {
            Field = field, X = rect.X, Y = rect.Y, Width = rect.Width, Height = rect.Height, Type = check ? CellKind.Check : CellKind.Text,
            Threshold = check ? 0.05 : null,
        }));
        return $"c{Template.Cells.Count - 1}";
    }

    public string AddAnchor(Rect rect)
    {
        var side = Math.Max(rect.Width, rect.Height);
        Change(t => t.Anchors.Add(new Anchor { Id = NewName("mark", [.. t.Anchors.Select(a => a.Id)]), X = rect.X, Y = rect.Y, Size = side }));
        return $"a{Template.Anchors.Count - 1}";
    }

    public string AddPrinted(Rect rect, string text)
    {
        Change(t => t.Printed.Add(new PrintedText { Text = text, X = rect.X, Y = rect.Y, Size = rect.Height, Width = rect.Width }));
        return $"p{Template.Printed.Count - 1}";
    }

    /// <summary>Puts an element at <paramref name="rect"/> (page pixels; for a row's cell, where it is in the first row).</summary>
    public void Place(string id, Rect rect)
    {
        var element = Element.Parse(id);
        Change(t =>
        {
            switch (element)
            {
                case { Kind: 'a' }:
                    var anchor = t.Anchors[element.Index];
                    (anchor.X, anchor.Y, anchor.Size) = (rect.X, rect.Y, Math.Max(rect.Width, rect.Height));
                    break;
                case { Kind: 'c' }:
                    Set(t.Cells[element.Index], rect, 0);
                    break;
                case { Kind: 'g', Cell: null }:
                    t.Rows[element.Index].Y = rect.Y;
                    break;
                case { Kind: 'g', Cell: { } cell }:
                    Set(t.Rows[element.Index].Cells[cell], rect, t.Rows[element.Index].Y);
                    break;
                case { Kind: 'p' }:
                    var printed = t.Printed[element.Index];
                    (printed.X, printed.Y, printed.Size, printed.Width) = (rect.X, rect.Y, rect.Height, rect.Width);
                    break;
            }
        });

        static void Set(CellTemplate cell, Rect rect, int top) => (cell.X, cell.Y, cell.Width, cell.Height) = (rect.X, rect.Y - top, rect.Width, rect.Height);
    }

    /// <summary>Deletes several elements as one change: the later of each list first, so the earlier keep their places.</summary>
    public void Delete(IEnumerable<string> ids)
    {
        var elements = ids.Select(Element.Parse).OrderByDescending(e => e.Kind).ThenByDescending(e => e.Index).ThenByDescending(e => e.Cell ?? -1).ToList();
        if (elements.Count > 0)
        {
            Change(_ => elements.ForEach(Remove));
        }
    }

    public void Delete(string id) => Delete([id]);

    /// <summary>The row group an element belongs to (<c>g0</c> for <c>g0c3</c> and <c>g0</c>), or null for anything outside the rows.</summary>
    public static string? GroupOf(string id) => Element.Parse(id) is { Kind: 'g' } element ? $"g{element.Index}" : null;

    private void Remove(Element element)
    {
        var t = Template;
        switch (element)
        {
            case { Kind: 'a' }:
                t.Anchors.RemoveAt(element.Index);
                break;
            case { Kind: 'c' }:
                Unmap(t.Cells[element.Index].Field);
                t.Cells.RemoveAt(element.Index);
                break;
            case { Kind: 'g', Cell: null }:
                t.Rows.RemoveAt(element.Index);
                break;
            case { Kind: 'g', Cell: { } cell }:
                t.Rows[element.Index].Grid?.Columns.Remove(t.Rows[element.Index].Cells[cell].Field);
                t.Rows[element.Index].Cells.RemoveAt(cell);
                break;
            case { Kind: 'p' }:
                t.Printed.RemoveAt(element.Index);
                break;
        }
    }

    /// <summary>
    /// Makes header cells the first row of a row group, repeated down the form: the rows' pitch and count are taken from the
    /// blank's ruling lines (the boxes below the first cell, at its left and width), else one row of the cells' height. A cell
    /// summing others made the row with it stays their total, now the row's.
    /// </summary>
    public string MakeRows(IReadOnlyList<string> cellIds, BlankLayout layout)
    {
        var indexes = cellIds.Select(Element.Parse).Where(e => e.Kind == 'c').Select(e => e.Index).Distinct().OrderDescending().ToList();
        if (indexes.Count == 0)
        {
            return "";
        }

        var cells = indexes.Select(i => Template.Cells[i]).ToList();
        var top = cells.Min(c => c.Y);
        var height = cells.Max(c => c.Y + c.Height) - top;
        var first = cells.OrderBy(c => c.X).First();
        var (pitch, count) = Repeats(layout, first.X, first.Width, top, height);
        Change(t =>
        {
            foreach (var index in indexes)
            {
                Unmap(t.Cells[index].Field);
                t.Cells.RemoveAt(index);
            }

            t.Rows.Add(new RowGroup
            {
                Name = NewName("lines", [.. AllFields()]), Y = top, Pitch = pitch, Count = count,
                Cells = [.. cells.OrderBy(c => c.X).Select(c =>
                {
                    c.Y -= top;
                    // A total of the cells made a row with it becomes that row's total; one naming anything else has nothing to sum in a row.
                    c.SumOf = c.SumOf is { Count: > 0 } sum && sum.All(f => cells.Any(o => o != c && o.Field == f)) ? c.SumOf : null;
                    return c;
                })],
            });
        });
        return $"g{Template.Rows.Count - 1}";
    }

    /// <summary>One row more (or fewer) in a row group.</summary>
    public void AddRows(string groupId, int rows)
    {
        var element = Element.Parse(groupId);
        Change(t => t.Rows[element.Index].Count = Math.Clamp(t.Rows[element.Index].Count + rows, 1, 200));
    }

    /// <summary>Gives a cell (or row group) a new name, and every place that names it follows: sums, size columns, the record mapping.</summary>
    public void Rename(string id, string name)
    {
        var element = Element.Parse(id);
        Change(t =>
        {
            if (element is { Kind: 'g', Cell: null })
            {
                var group = t.Rows[element.Index];
                if (Mapping.Lines is { } lines && lines.Rows == group.Name)
                {
                    lines.Rows = name;
                }

                group.Name = name;
                return;
            }

            var cell = element.Kind == 'c' ? t.Cells[element.Index] : t.Rows[element.Index].Cells[element.Cell!.Value];
            var old = cell.Field;
            cell.Field = name;
            foreach (var other in t.Cells.Concat(t.Rows.SelectMany(g => g.Cells)).Where(c => c.SumOf is not null))
            {
                other.SumOf = [.. other.SumOf!.Select(f => f == old ? name : f)];
            }

            if (element.Kind == 'g' && t.Rows[element.Index].Grid is { } grid && grid.Columns.Remove(old, out var size))
            {
                grid.Columns[name] = size;
            }

            foreach (var (field, source) in Mapping.Fields.ToList())
            {
                Mapping.Fields[field] = source.Cell == old
                    ? source with { Cell = name }
                    : source.Ticked is { } ticked && ticked.Values.Contains(old) ? source with { Ticked = ticked.ToDictionary(p => p.Key, p => p.Value == old ? name : p.Value) } : source;
            }

            if (Mapping.Lines is { } mapped && element.Kind == 'g')
            {
                foreach (var (field, value) in mapped.Fields.ToList().Where(p => p.Value.Cell == old))
                {
                    mapped.Fields[field] = value with { Cell = name };
                }
            }
        });
    }

    /// <summary>
    /// Which record field a header cell fills (null: none); a tick box fills a choice field with <paramref name="tickedValue"/>;
    /// a lookup field is filled with the record whose field <paramref name="by"/> holds what the cell reads.
    /// </summary>
    public void MapCell(string cellField, string? recordField, string? tickedValue = null, string? by = null) => Change(_ =>
    {
        Unmap(cellField);
        if (string.IsNullOrEmpty(recordField))
        {
            return;
        }

        if (tickedValue is null)
        {
            Mapping.Fields[recordField] = new FieldSource(cellField, null, by);
            return;
        }

        var ticked = Mapping.Fields.TryGetValue(recordField, out var source) && source.Ticked is { } existing ? existing.ToDictionary() : [];
        ticked[tickedValue] = cellField;
        Mapping.Fields[recordField] = new FieldSource(null, ticked);
    });

    /// <summary>
    /// The cell fills <paramref name="recordField"/> as well as what it fills already (a dealer code both kept as written and
    /// finding the dealer); for a lookup, <paramref name="by"/> is the field of its entity the record is found by.
    /// </summary>
    public void Fill(string cellField, string recordField, string? by = null) => Change(_ => Mapping.Fields[recordField] = new FieldSource(cellField, null, by));

    /// <summary>The record field is no longer filled from the sheet.</summary>
    public void StopFilling(string recordField) => Change(_ => Mapping.Fields.Remove(recordField));

    /// <summary>Every record field a header cell fills straight from what it reads (not as a tick box of a group).</summary>
    public List<(string Field, FieldSource Source)> Fills(string cellField) =>
        [.. Mapping.Fields.Where(p => p.Value.Cell == cellField).Select(p => (p.Key, p.Value))];

    /// <summary>Which field of the lines a value of a row group's line items fills (a cell, or the size grid's size or quantity).</summary>
    public void MapLineValue(string value, string? lineField, string? by = null) => Change(_ =>
    {
        if (Mapping.Lines is not { } lines)
        {
            return;
        }

        foreach (var (field, _) in lines.Fields.Where(p => p.Value.Cell == value).ToList())
        {
            lines.Fields.Remove(field);
        }

        if (!string.IsNullOrEmpty(lineField))
        {
            lines.Fields[lineField] = new FieldSource(value, null, by);
        }
    });

    /// <summary>The entity and its lines field the sheets become, or none.</summary>
    public void MapRecords(string? entity, string? linesField, string? rows) => Change(_ =>
    {
        if (entity != Mapping.Entity)
        {
            Mapping = new SheetMapping { Entity = entity ?? "" };
        }

        Mapping.Lines = string.IsNullOrEmpty(linesField) || string.IsNullOrEmpty(rows)
            ? null
            : new LineMapping { Field = linesField, Rows = rows, Fields = Mapping.Lines?.Fields ?? [] };
    });

    /// <summary>The record field a header cell fills, and for a tick box the value it stands for.</summary>
    public (string? Field, string? Value) MappedTo(string cellField)
    {
        foreach (var (field, source) in Mapping.Fields)
        {
            if (source.Cell == cellField)
            {
                return (field, null);
            }

            if (source.Ticked?.FirstOrDefault(p => p.Value == cellField) is { Key: not null } ticked)
            {
                return (field, ticked.Key);
            }
        }

        return (null, null);
    }

    /// <summary>Every field a cell or group has, for new names and pickers.</summary>
    public HashSet<string> AllFields() =>
        [.. Template.Cells.Select(c => c.Field).Concat(Template.Rows.Select(g => g.Name)).Concat(Template.Rows.SelectMany(g => g.Cells.Select(c => c.Field)))];

    /// <summary>What the drawing shows: every element with its place on the page (a row group's cells in each of its rows).</summary>
    public IEnumerable<Shape> Shapes()
    {
        for (var i = 0; i < Template.Anchors.Count; i++)
        {
            var a = Template.Anchors[i];
            yield return new Shape($"a{i}", "mark", a.X, a.Y, a.Size, a.Size, a.Id, 0);
        }

        for (var i = 0; i < Template.Printed.Count; i++)
        {
            var p = Template.Printed[i];
            yield return new Shape($"p{i}", "printed", p.X, p.Y, p.Width ?? (int)Math.Round(p.Text.Length * p.Size * 0.8), p.Size, p.Text, 0);
        }

        for (var i = 0; i < Template.Cells.Count; i++)
        {
            var c = Template.Cells[i];
            yield return new Shape($"c{i}", c.Type.ToString().ToLowerInvariant(), c.X, c.Y, c.Width, c.Height, c.Field, 0);
        }

        for (var g = 0; g < Template.Rows.Count; g++)
        {
            var group = Template.Rows[g];
            var left = group.Cells.Count == 0 ? 0 : group.Cells.Min(c => c.X);
            var right = group.Cells.Count == 0 ? Template.Page.Width : group.Cells.Max(c => c.X + c.Width);
            yield return new Shape($"g{g}", "rows", left - RowsMargin, group.Y, right - left + (2 * RowsMargin), group.Pitch * group.Count, group.Name, 0);
            for (var row = 0; row < group.Count; row++)
            {
                for (var i = 0; i < group.Cells.Count; i++)
                {
                    var c = group.Cells[i];
                    yield return new Shape($"g{g}c{i}", c.Type.ToString().ToLowerInvariant(), c.X, group.Y + (row * group.Pitch) + c.Y, c.Width, c.Height, c.Field, row);
                }
            }
        }
    }

    /// <summary>The cell an element id names, with the row group it belongs to.</summary>
    public (CellTemplate? Cell, RowGroup? Group) CellOf(string id)
    {
        var element = Element.Parse(id);
        return element switch
        {
            { Kind: 'c' } when element.Index < Template.Cells.Count => (Template.Cells[element.Index], null),
            { Kind: 'g', Cell: { } cell } when element.Index < Template.Rows.Count && cell < Template.Rows[element.Index].Cells.Count =>
                (Template.Rows[element.Index].Cells[cell], Template.Rows[element.Index]),
            { Kind: 'g' } when element.Index < Template.Rows.Count => (null, Template.Rows[element.Index]),
            _ => (null, null),
        };
    }

    private static (int Pitch, int Count) Repeats(BlankLayout layout, int x, int width, int top, int height)
    {
        bool BoxTopAt(int y) => layout.Horizontal.Any(l => Math.Abs(l.Position - y) <= 3 && l.From <= x + 4 && l.To >= x + width - 4);
        var next = layout.Horizontal
            .Where(l => l.Position >= top + height - 1 && l.From <= x + 4 && l.To >= x + width - 4 && l.Position > top + 4)
            .Select(l => l.Position).Where(y => BoxTopAt(y) && y - top >= height).Order().ToList();
        var pitch = next.FirstOrDefault(y => y - top > height - 1) - top;
        if (pitch <= 0 || pitch > height * 3)
        {
            return (height + 8, 1);
        }

        var count = 1;
        while (count < 200 && BoxTopAt(top + (count * pitch)))
        {
            count++;
        }

        return (pitch, count);
    }

    private void Unmap(string cellField)
    {
        foreach (var (field, source) in Mapping.Fields.ToList())
        {
            if (source.Cell == cellField)
            {
                Mapping.Fields.Remove(field);
            }
            else if (source.Ticked is { } ticked && ticked.Values.Contains(cellField))
            {
                var rest = ticked.Where(p => p.Value != cellField).ToDictionary();
                if (rest.Count == 0)
                {
                    Mapping.Fields.Remove(field);
                }
                else
                {
                    Mapping.Fields[field] = new FieldSource(null, rest);
                }
            }
        }
    }

    private static string NewName(string stem, IReadOnlyCollection<string> taken)
    {
        if (!taken.Contains(stem) && stem == "lines")
        {
            return stem;
        }

        for (var n = 1; ; n++)
        {
            if (!taken.Contains($"{stem}_{n}"))
            {
                return $"{stem}_{n}";
            }
        }
    }

    private static (FormTemplate, SheetMapping) Load(string document)
    {
        var template = TemplateDesign.Read(document);
        SheetMapping mapping;
        try
        {
            mapping = SheetMapping.Of(template.Records) ?? new SheetMapping();
        }
        catch (JsonException)
        {
            mapping = new SheetMapping();
        }

        return (template, mapping);
    }

    /// <summary>An element id taken apart: kind (a, c, g, p), index, and for a row group's cell its place in the row.</summary>
    private sealed record Element(char Kind, int Index, int? Cell)
    {
        public static Element Parse(string id)
        {
            var at = id.IndexOf('c', 1);
            return id[0] == 'g' && at > 0
                ? new Element('g', int.Parse(id[1..at], System.Globalization.CultureInfo.InvariantCulture), int.Parse(id[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture))
                : new Element(id[0], int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture), null);
        }
    }
}

/// <summary>A rectangle in page pixels.</summary>
public readonly record struct Rect(int X, int Y, int Width, int Height);

/// <summary>An element as the drawing shows it: id, kind (mark, printed, text, digits, check, rows), place, caption, and the row it repeats in.</summary>
public sealed record Shape(string Id, string Kind, int X, int Y, int Width, int Height, string Caption, int Row);
