using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records.Duplicates;
using Platform.Core.Security;
using Platform.Records.Duplicates;

namespace Platform.DataTransfer.Import;

/// <summary>
/// What the entity's duplicate rules (查重) say of the rows a preview shows, before anything is imported: a record already there,
/// or an earlier row of the same file, that a rule finds. A blocking rule's match is a problem (the import refuses the row, as a
/// save would); a warning rule's is a note beside the row. Matches the person may not open are counted, not named.
/// </summary>
internal static class ImportDuplicates
{
    public static async Task FlagAsync(IDuplicateFinder finder, EntityDefinition entity, IReadOnlyList<ImportedRow> rows, ImportMapping mapping, Actor actor,
        IStringLocalizer text, CancellationToken cancellationToken)
    {
        if (entity.Duplicates is not { Count: > 0 } rules)
        {
            return;
        }

        var culture = CultureInfo.CurrentUICulture.Name;
        var earlier = new Dictionary<(string Rule, string Key), int>();
        foreach (var row in rows.Where(r => r.Errors.Count == 0))
        {
            var found = await finder.FindAsync(entity.Name, row.Values, null, actor, cancellationToken) ?? [];
            foreach (var rule in rules)
            {
                var label = rule.Label.For(culture);
                var matches = found.Where(m => m.Rule == rule.Name).ToList();
                var notes = matches.Where(m => m.RecordId is not null)
                    .Select(m => text[m.Score < 1 ? "DataTransfer.Import.DuplicateAlike" : "DataTransfer.Import.Duplicate", label, m.Title ?? m.RecordId.ToString()!, m.Score.ToString("P0", CultureInfo.CurrentCulture)].Value)
                    .ToList();
                if (matches.Count(m => m.RecordId is null) is > 0 and var unseen)
                {
                    notes.Add(text["DataTransfer.Import.DuplicateUnseen", label, unseen]);
                }

                if (!rule.IsSimilar && MatchKeys.Of(entity, rule, row.Values) is { } key && !earlier.TryAdd((rule.Name, key), row.Number))
                {
                    notes.Add(text["Records.Duplicate.InBatch", label, earlier[(rule.Name, key)], row.Number]);
                }

                foreach (var note in notes)
                {
                    if (rule.Blocks)
                    {
                        row.Errors.Add(new ImportError(row.Number, mapping.Columns.Where(c => c.Field.Name == rule.Fields[0]).Select(c => c.Heading).FirstOrDefault(), rule.Fields[0], note));
                    }
                    else
                    {
                        row.Duplicates.Add(note);
                    }
                }
            }
        }
    }
}
