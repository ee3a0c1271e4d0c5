using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Ocr.Templates;
using Platform.Records;
using Platform.Records.Query;

namespace Platform.OcrCapture.Templates;

/// <summary>
/// Fills the cells whose allowed values come from an entity's records (<see cref="CellTemplate.ChoicesFrom"/>: dealers'
/// codes) with those values as they are now, before a batch or a sample scan is read. The check is a validation, like a
/// uniqueness rule: it runs as the platform over every live record, and what a proof-reader sees of it is only which
/// written value was taken for which allowed one.
/// </summary>
public sealed class EntityChoices(IRecordStore records)
{
    /// <summary>The most values a cell is checked against; an entity with more is too big a list to choose from by eye.</summary>
    public const int MaxValues = 10_000;

    /// <summary>
    /// Sets each such cell's <see cref="CellTemplate.Choices"/> (in place: give it a template parsed for this read). A source
    /// that does not exist, or holds more than <see cref="MaxValues"/> values, leaves its cell checked by its pattern only and
    /// is named in the answer.
    /// </summary>
    public async Task<IReadOnlyList<string>> FillAsync(FormTemplate template, CancellationToken cancellationToken)
    {
        var unfilled = new List<string>();
        var cells = template.Cells.Concat(template.Rows.SelectMany(g => g.Cells)).Where(c => c.ChoicesFrom is not null).ToList();
        foreach (var sources in cells.GroupBy(c => (c.ChoicesFrom!.Entity, c.ChoicesFrom.Field)))
        {
            var values = await ValuesAsync(sources.Key.Entity, sources.Key.Field, cancellationToken);
            if (values is null)
            {
                unfilled.Add($"{sources.Key.Entity}.{sources.Key.Field}");
            }

            foreach (var cell in sources)
            {
                cell.Choices = values;
            }
        }

        return unfilled;
    }

    /// <summary>The distinct values of a text field over the live records, or null when there is no such field or too many values.</summary>
    public async Task<List<string>?> ValuesAsync(string entity, string field, CancellationToken cancellationToken)
    {
        await using var reader = await records.OpenReaderAsync(entity, cancellationToken: cancellationToken);
        if (reader?.Entity.LiveField(field) is not { } definition || !IsText(definition))
        {
            return null;
        }

        var values = await reader.Live.Select(r => EF.Property<string>(r, definition.Name)).Where(v => v != null && v != "")
            .Distinct().OrderBy(v => v).Take(MaxValues + 1).ToListAsync(cancellationToken);
        return values.Count > MaxValues ? null : [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Fields whose values a printed cell can be checked against.</summary>
    public static bool IsText(FieldDefinition field) =>
        field.Type == FieldTypes.Text.Name || field.Type == FieldTypes.Email.Name || field.Type == FieldTypes.Phone.Name || field.Type == FieldTypes.AutoNumber.Name;
}
