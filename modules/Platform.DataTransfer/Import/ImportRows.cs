using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.DataTransfer.Import;

/// <summary>One row of the file as the record it would make: its values by field, and what is wrong with it, by column.</summary>
public sealed record ImportedRow(int Number, Dictionary<string, object?> Values, List<ImportError> Errors)
{
    /// <summary>Records the entity's warning duplicate rules find for the row (the preview shows them; the import goes ahead).</summary>
    public List<string> Duplicates { get; } = [];
}

/// <summary>A problem with one row: the column's heading and field (null for the row as a whole) and the reason.</summary>
public sealed record ImportError(int Row, string? Heading, string? Field, string Message);

/// <summary>Turns the rows of a file into field values by the mapping, resolving lookups for the whole file at once.</summary>
public static class ImportRows
{
    public static async Task<List<ImportedRow>> ConvertAsync(ImportTable table, ImportMapping mapping, LookupResolver lookups, int? limit, IStringLocalizer text, CancellationToken cancellationToken)
    {
        var rows = limit is { } take ? table.Rows.Take(take).ToList() : table.Rows;
        var parsed = new List<(ImportRow Row, List<(string Heading, FieldDefinition Field, object? Value, string? Error)> Cells)>(rows.Count);
        foreach (var row in rows)
        {
            parsed.Add((row, [.. mapping.Columns.Select(c =>
            {
                var (value, error) = ImportValueParser.Parse(c.Field, c.Column < row.Cells.Count ? row.Cells[c.Column] : null, text);
                return (c.Heading, c.Field, value, error);
            })]));
        }

        foreach (var lookup in mapping.Columns.Select(c => c.Field).Where(f => f.Type == FieldTypes.Lookup.Name))
        {
            await lookups.LoadAsync(lookup, parsed.SelectMany(p => p.Cells).Where(c => c.Field == lookup && c.Value is string).Select(c => (string)c.Value!), cancellationToken);
        }

        return [.. parsed.Select(p =>
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            var errors = new List<ImportError>();
            foreach (var (heading, field, value, error) in p.Cells)
            {
                var (resolved, problem) = field.Type == FieldTypes.Lookup.Name && value is string name ? lookups.Resolve(field, name) : (value, error);
                if (problem is not null)
                {
                    errors.Add(new ImportError(p.Row.Number, heading, field.Name, problem));
                }
                else if (resolved is not null)
                {
                    values[field.Name] = resolved;
                }
            }

            return new ImportedRow(p.Row.Number, values, errors);
        })];
    }
}
