using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>
/// Runs the query options of one OData request ($filter, $orderby, $skip, $top, $count, $select,
/// $expand) against an entity's records, in the database. Pages hold at most <see cref="MaxPageSize"/> rows.
/// </summary>
public sealed class RecordQuery(IRecordReader reader, ODataUriParser parser)
{
    public const int MaxPageSize = 1000;

    /// <param name="key">Set for a single record (<c>/odata/order(id)</c>): the page holds it or nothing.</param>
    public async Task<RecordPage> RunAsync(CancellationToken cancellationToken, Guid? key = null)
    {
        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var translator = new FilterTranslator(reader.Entity, row, reader.Fields, LookupReach.Of(reader));
        var query = reader.Live;
        if (key is { } id)
        {
            query = query.Where(r => EF.Property<Guid>(r, Core.Metadata.SystemFields.Id) == id);
        }

        if (parser.ParseFilter() is { } filter)
        {
            query = query.Where(Expression.Lambda<Func<Dictionary<string, object>, bool>>(
                FilterBool(translator.Translate(filter.Expression)), row));
        }

        long? count = parser.ParseCount() == true ? await query.LongCountAsync(cancellationToken) : null;
        query = RecordOrder.Apply(query, reader.Entity, parser.ParseOrderBy(), translator, row);
        var skip = parser.ParseSkip() ?? 0;
        var top = parser.ParseTop();
        if (top is < 0 || skip < 0)
        {
            throw new ODataQueryException(top < 0 ? "$top" : "$skip", "$top and $skip cannot be negative.");
        }

        var take = (int)Math.Min(top ?? MaxPageSize, MaxPageSize);
        var rows = await query.Skip((int)Math.Min(skip, int.MaxValue)).Take(take + 1).ToListAsync(cancellationToken);
        var more = rows.Count > take && (top is null || top > MaxPageSize);
        var clause = parser.ParseSelectAndExpand();
        RefuseHidden(reader.Entity, clause, "$select");
        // Expanded first, projected after: a lookup's record is found by its id even when $select leaves the id out.
        var values = rows.Take(take).Select(r => new Dictionary<string, object?>(reader.Present(r))).ToList();
        await new Expansion(reader).ApplyAsync(reader.Entity, values, clause, cancellationToken);
        return new RecordPage(values.Select(v => Project(v, clause)).ToList(), count, more ? skip + take : null);
    }

    private static Expression FilterBool(Expression e) =>
        e.Type == typeof(bool) ? e : e.Type == typeof(bool?) ? Expression.Equal(e, Expression.Constant(true, typeof(bool?)))
        : throw new ODataQueryException("$filter", "$filter must be a condition.");

    /// <summary>$select and $expand may name only fields the reader may see, at every level of the expansion.</summary>
    private void RefuseHidden(Core.Metadata.EntityDefinition entity, SelectExpandClause? clause, string option)
    {
        var fields = reader.FieldsOf(entity);
        foreach (var name in Selected(clause) ?? [])
        {
            if (!fields.MayRead(name))
            {
                throw new ODataQueryException(option, $"Your roles do not let you see the field '{name}' of {entity.Name}, so {option} cannot name it.");
            }
        }

        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            var name = item.PathToNavigationProperty.LastSegment.Identifier;
            var field = entity.LiveField(name) ?? entity.LiveField(name[..^Math.Min(name.Length, EdmModelFactory.LookupRecordSuffix.Length)]);
            if (field is null)
            {
                continue;
            }

            if (!fields.MayRead(field.Name))
            {
                throw new ODataQueryException("$expand", $"Your roles do not let you see the field '{field.Name}' of {entity.Name}, so $expand cannot name it.");
            }

            if (reader.Schema.Find(field.Target ?? "") is { } target)
            {
                RefuseHidden(target, item.SelectAndExpand, "$expand");
            }
        }
    }

    internal static HashSet<string>? Selected(SelectExpandClause? clause)
    {
        if (clause is null || clause.AllSelected)
        {
            return null;
        }

        return clause.SelectedItems.OfType<PathSelectItem>()
            .Select(p => p.SelectedPath.FirstSegment.Identifier)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The record with the fields $select names (all when it names none), its id, and what $expand added.</summary>
    internal static Dictionary<string, object?> Project(IReadOnlyDictionary<string, object?> record, SelectExpandClause? clause)
    {
        var select = Selected(clause);
        var expanded = clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>().Select(e => e.PathToNavigationProperty.LastSegment.Identifier).ToHashSet(StringComparer.Ordinal) ?? [];
        return record.Where(p => select is null || select.Contains(p.Key) || expanded.Contains(p.Key) || p.Key == Core.Metadata.SystemFields.Id).ToDictionary(p => p.Key, p => p.Value);
    }
}
