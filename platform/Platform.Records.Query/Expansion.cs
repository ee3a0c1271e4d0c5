using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>
/// <c>$expand</c>: adds the lines of lines fields (<c>$expand=lines</c>) and the records lookups name
/// (<c>$expand=customerRecord</c>) to query results, with <c>$select</c> and <c>$expand</c> nested inside,
/// e.g. <c>$expand=lines($select=quantity;$expand=productRecord($select=name))</c>. One query per
/// expanded property and level, whatever the number of rows.
/// </summary>
public sealed class Expansion(IRecordReader reader)
{
    /// <summary>Adds the expansions to <paramref name="rows"/> (full records); each expanded record is itself expanded, then projected to its $select.</summary>
    public async Task ApplyAsync(EntityDefinition entity, IReadOnlyList<Dictionary<string, object?>> rows, SelectExpandClause? clause, CancellationToken cancellationToken)
    {
        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            Refuse(item);
            var name = item.PathToNavigationProperty.LastSegment.Identifier;
            if (entity.LiveField(name) is { Type: var type } lines && type == FieldTypes.Lines.Name)
            {
                var lineEntity = reader.Schema.Find(lines.Target!)!;
                var found = await reader.LinesOfAsync(lineEntity, rows.Select(r => (Guid)r[SystemFields.Id]!).ToList(), cancellationToken);
                var all = found.SelectMany(g => g).ToList();
                await ApplyAsync(lineEntity, all, item.SelectAndExpand, cancellationToken);
                foreach (var row in rows)
                {
                    row[name] = found[(Guid)row[SystemFields.Id]!].Select(l => RecordQuery.Project(l, item.SelectAndExpand)).ToList();
                }

                continue;
            }

            // A lookup's record, or a line's parent record: found by the id the row holds.
            var reach = LookupReach.Of(reader);
            var hop = reach.HopOf(entity, name);
            var target = reach.TargetOf(entity, hop)!;
            var ids = rows.Select(r => r.GetValueOrDefault(hop)).OfType<Guid>().Distinct().ToList();
            var records = await reader.FindManyAsync(target, ids, cancellationToken);
            await ApplyAsync(target, records.Values.ToList(), item.SelectAndExpand, cancellationToken);
            var projected = records.ToDictionary(p => p.Key, p => RecordQuery.Project(p.Value, item.SelectAndExpand));
            foreach (var row in rows)
            {
                row[name] = row.GetValueOrDefault(hop) is Guid id ? projected.GetValueOrDefault(id) : null;
            }
        }
    }

    /// <summary>Options inside an expansion other than $select and $expand are refused by name rather than ignored.</summary>
    private static void Refuse(ExpandedNavigationSelectItem item)
    {
        var unsupported = new (string Name, object? Value)[]
        {
            ("$filter", item.FilterOption), ("$orderby", item.OrderByOption), ("$top", item.TopOption), ("$skip", item.SkipOption),
            ("$count", item.CountOption), ("$search", item.SearchOption), ("$levels", item.LevelsOption), ("$compute", item.ComputeOption),
        }.Where(o => o.Value is not null).Select(o => o.Name).ToList();
        if (unsupported.Count > 0)
        {
            throw new ODataQueryException("$expand", $"Inside $expand only $select and $expand are supported, not {string.Join(", ", unsupported)} ({item.PathToNavigationProperty.LastSegment.Identifier}).");
        }
    }
}
