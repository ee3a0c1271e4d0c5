using System.Globalization;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>The titles of the records a page of rows points at through its lookup columns: one query per lookup column.</summary>
public static class LookupTitles
{
    public static async Task<Dictionary<string, Dictionary<Guid, string>>> ForAsync(IRecordReader reader, IEnumerable<RecordColumn> columns,
        IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, Dictionary<Guid, string>>(StringComparer.Ordinal);
        foreach (var column in columns.Where(c => c.Field.Type == FieldTypes.Lookup.Name))
        {
            var target = reader.Schema.Find(column.Field.Target!);
            var ids = rows.Select(r => r.GetValueOrDefault(column.Field.Name)).OfType<Guid>().Distinct().ToList();
            if (target is null || ids.Count == 0)
            {
                continue;
            }

            var found = await reader.FindManyAsync(target, ids, cancellationToken);
            // Titled as pickers title them, so a list, an export and a form name a record alike.
            var title = target.NamingField()?.Name;
            titles[column.Field.Name] = found.ToDictionary(p => p.Key, p => Convert.ToString(title is null ? p.Key : p.Value.GetValueOrDefault(title) ?? p.Key, CultureInfo.InvariantCulture)!);
        }

        return titles;
    }
}
