using System.Text.RegularExpressions;

namespace Platform.Ocr.Templates;

/// <summary>Checks a template before use: sizes, anchors, cells inside the page, languages, patterns, ranges, sums — each problem with its place.</summary>
internal static class TemplateValidator
{
    private static readonly string[] Languages = ["eng", "chi_sim"];

    public static List<TemplateProblem> Validate(FormTemplate template)
    {
        var problems = new List<TemplateProblem>();
        if (!Regex.IsMatch(template.Name, "^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant))
        {
            problems.Add(new($"name '{template.Name}'", "name", "it must be lower-case letters, digits and _ (starting with a letter)."));
        }

        var page = template.Page;
        if (page.Width is < 200 or > 10_000 || page.Height is < 200 or > 10_000 || page.Dpi is < 72 or > 600)
        {
            problems.Add(new("page", "pageSize", $"{page.Width} × {page.Height} at {page.Dpi} DPI is not a page size (200–10000 pixels a side, 72–600 DPI).", page.Width, page.Height, page.Dpi));
        }

        if (template.Anchors.Count != 4)
        {
            problems.Add(new("anchors", "anchorCount", $"{template.Anchors.Count} given; a form needs 4 registration marks, one near each corner.", template.Anchors.Count));
        }

        for (var i = 0; i < template.Anchors.Count; i++)
        {
            var anchor = template.Anchors[i];
            if (anchor.Size < 12 || !Inside(page, anchor.X, anchor.Y, anchor.Size, anchor.Size))
            {
                problems.Add(new($"anchors[{i}] '{anchor.Id}'", "anchorPlace", $"a mark of side {anchor.Size} at ({anchor.X}, {anchor.Y}) must be at least 12 pixels and inside the page.", anchor.Size, anchor.X, anchor.Y));
            }

        }

        if (template.Anchors.Count == 4 && !Pipeline.PageAligner.MarksTellWhichWayUp(template) && !template.Printed.Any(p => p.Text.Trim().Length > 0))
        {
            problems.Add(new("anchors", "wayUp", "the marks are alike and no printed text is described, so an upside-down page cannot be told apart: list the form's printed texts (title, labels) under printed, or make the first mark at least 1.3 times larger than the others."));
        }

        var fields = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < template.Cells.Count; i++)
        {
            Check(template.Cells[i], $"cells[{i}]", 0);
        }

        for (var g = 0; g < template.Rows.Count; g++)
        {
            var group = template.Rows[g];
            var where = $"rows[{g}] '{group.Name}'";
            if (!Regex.IsMatch(group.Name, "^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant) || !fields.Add(group.Name))
            {
                problems.Add(new(where, "groupName", "the name must be lower-case letters, digits and _, unique among fields and groups."));
            }

            if (group.Count is < 1 or > 200 || group.Pitch < 8)
            {
                problems.Add(new(where, "rows", $"count {group.Count} (1–200) and pitch {group.Pitch} (at least 8 pixels) do not make rows.", group.Count, group.Pitch));
                continue;
            }

            if (group.Grid is { } grid)
            {
                foreach (var column in grid.Columns.Keys.Where(c => !group.Cells.Any(cell => cell.Field == c && cell.Type == CellKind.Digits)))
                {
                    problems.Add(new($"{where}.grid", "gridColumn", $"column '{column}' is no handwritten digits cell of the row.", column));
                }

                if (grid.Columns.Count < 2)
                {
                    problems.Add(new($"{where}.grid", "gridColumns", "a size grid has two or more columns."));
                }

                foreach (var name in new[] { grid.Field, grid.Quantity }.Where(n => !Regex.IsMatch(n, "^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant) || group.Cells.Any(c => c.Field == n)))
                {
                    problems.Add(new($"{where}.grid", "gridField", $"'{name}' must be a new field name of lower-case letters, digits and _ (not one of the row's cells).", name));
                }

                if (grid.Field == grid.Quantity)
                {
                    problems.Add(new($"{where}.grid", "gridSameField", "the size and the quantity need different fields."));
                }
            }

            var rowFields = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < group.Cells.Count; i++)
            {
                var cell = group.Cells[i];
                if (!rowFields.Add(cell.Field))
                {
                    problems.Add(new($"{where}.cells[{i}]", "rowFieldTwice", $"the field '{cell.Field}' appears twice in the row.", cell.Field));
                }

                Check(cell, $"{where}.cells[{i}]", group.Y + ((group.Count - 1) * group.Pitch), isRowCell: true);
                if (cell.Y < 0 || cell.Y + cell.Height > group.Pitch)
                {
                    problems.Add(new($"{where}.cells[{i}] '{cell.Field}'", "outsideRow", $"it reaches outside its row (y {cell.Y}, height {cell.Height}, pitch {group.Pitch}).", cell.Y, cell.Height, group.Pitch));
                }
            }
        }

        var all = template.Cells.Select(c => c.Field).Concat(template.Rows.SelectMany(g => g.Cells.Select(c => c.Field))).ToHashSet(StringComparer.Ordinal);
        foreach (var cell in template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).Where(c => c.SumOf is not null))
        {
            foreach (var missing in cell.SumOf!.Where(f => !all.Contains(f)))
            {
                problems.Add(new($"'{cell.Field}'", "sumOfMissing", $"sumOf names '{missing}', which is no field of this form.", missing));
            }
        }

        foreach (var cells in template.Rows.Select(g => g.Cells).Prepend(template.Cells))
        {
            foreach (var group in cells.Where(c => c.OneOf is not null).GroupBy(c => c.OneOf!, StringComparer.Ordinal))
            {
                if (group.Count() < 2 || group.Any(c => c.Type != CellKind.Check))
                {
                    var members = string.Join(", ", group.Select(c => $"'{c.Field}' ({c.Type.ToString().ToLowerInvariant()})"));
                    problems.Add(new($"oneOf '{group.Key}'", "oneOf", $"a one-of group is two or more check cells ({members}).", members));
                }
            }
        }

        return problems;

        void Check(CellTemplate cell, string where, int offsetY, bool isRowCell = false)
        {
            where = $"{where} '{cell.Field}'";
            if (!Regex.IsMatch(cell.Field, "^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant) || (!isRowCell && !fields.Add(cell.Field)))
            {
                problems.Add(new(where, "fieldName", "the field name must be lower-case letters, digits and _, and unique."));
            }

            if (cell.Width < 8 || cell.Height < 8 || !Inside(page, cell.X, cell.Y + offsetY, cell.Width, cell.Height))
            {
                problems.Add(new(where, "cellPlace", $"{cell.Width} × {cell.Height} at ({cell.X}, {cell.Y + offsetY}) is not a cell inside the page (at least 8 × 8).", cell.Width, cell.Height, cell.X, cell.Y + offsetY));
            }

            if (cell.Type == CellKind.Text && !Languages.Contains(cell.Language))
            {
                problems.Add(new(where, "language", $"language '{cell.Language}' is not one of {string.Join(", ", Languages)}.", cell.Language, string.Join(", ", Languages)));
            }

            if (cell.Pattern is not null && !IsRegex(cell.Pattern))
            {
                problems.Add(new(where, "pattern", $"pattern '{cell.Pattern}' is not a regular expression.", cell.Pattern));
            }

            if (cell.ChoicesFrom is { } source && (cell.Type != CellKind.Text
                || !Regex.IsMatch(source.Entity, "^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant) || !Regex.IsMatch(source.Field, "^[a-z][a-z0-9_]*$", RegexOptions.CultureInvariant)))
            {
                problems.Add(cell.Type != CellKind.Text
                    ? new(where, "choicesFromKind", "choicesFrom applies to text cells.")
                    : new(where, "choicesFromNames", $"choicesFrom names an entity and one of its fields ('{source.Entity}'.'{source.Field}' is not).", source.Entity, source.Field));
            }

            if (cell.Min > cell.Max)
            {
                problems.Add(new(where, "range", $"min {cell.Min} is above max {cell.Max}.", cell.Min, cell.Max));
            }

            if (cell.Accuracy is not null && (cell.Type != CellKind.Digits || cell.Accuracy is < 0.5 or >= 1))
            {
                problems.Add(cell.Type != CellKind.Digits
                    ? new(where, "accuracyKind", "accuracy applies to handwritten digits cells only.")
                    : new(where, "accuracy", $"accuracy {cell.Accuracy} must be the share of accepted cells that are right, from 0.5 to below 1 (such as 0.999).", cell.Accuracy));
            }

            if (cell.Preprinted && cell.Type != CellKind.Text)
            {
                problems.Add(new(where, "preprinted", "preprinted applies to text cells (what the blank form has printed in them)."));
            }

            if (cell.Threshold is < 0.001 or > 0.9)
            {
                problems.Add(new(where, "threshold", $"threshold {cell.Threshold} must be a share of the box between 0.001 and 0.9.", cell.Threshold));
            }
        }
    }

    private static bool Inside(PageSize page, int x, int y, int width, int height) => x >= 0 && y >= 0 && x + width <= page.Width && y + height <= page.Height;

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
