using System.Linq.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>
/// Narrows a query of an entity's records by a filter written as OData <c>$filter</c> — for
/// <c>find()</c> in rules, parsed and translated exactly as the OData API's (which uses the same
/// translator), so rules need no module to filter — and sorts it by an OData <c>$orderby</c>.
/// </summary>
public static class RecordFilter
{
    private static readonly Uri Root = new("http://rules/odata/");

    /// <param name="fields">What the reader may not see: a condition on it, or a sort by it, is refused (null: every field).</param>
    /// <param name="orderBy">Field names, each optionally <c>desc</c> (<c>createdAt desc</c>); null or empty: by id.</param>
    /// <exception cref="ArgumentException">The filter or order does not parse or names unknown or hidden fields; the message says why.</exception>
    public static IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, string filter,
        Core.Records.FieldAccess? fields = null, string? orderBy = null) => Apply(query, schema, entity, filter, fields, orderBy, sorted: true, reach: null);

    private static IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, string filter,
        Core.Records.FieldAccess? fields, string? orderBy, bool sorted, LookupReach? reach)
    {
        var options = new List<string>();
        if (filter.Length > 0)
        {
            options.Add($"$filter={Uri.EscapeDataString(filter)}");
        }

        if (!string.IsNullOrWhiteSpace(orderBy))
        {
            options.Add($"$orderby={Uri.EscapeDataString(orderBy)}");
        }

        var parser = new ODataUriParser(EdmModelFactory.For(schema), Root, new Uri(Root, $"{entity.Name}?{string.Join('&', options)}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
        try
        {
            var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
            var translator = new FilterTranslator(entity, row, fields, reach);
            if (parser.ParseFilter() is { } parsed)
            {
                query = query.Where(Condition(translator, parsed, row));
            }

            return orderBy is null && !sorted ? query : RecordOrder.Apply(query, entity, parser.ParseOrderBy(), translator, row);
        }
        catch (Exception e) when (e is ODataException or ODataQueryException)
        {
            throw new ArgumentException(e.Message, nameof(filter), e);
        }
    }

    /// <summary>
    /// The filter as a condition on one record, for a query to use where it wants it — inside a grouping, a measure counts or sums only
    /// the records it holds (<c>COUNT(CASE WHEN …)</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The filter does not parse or names unknown or hidden fields; the message says why.</exception>
    /// <param name="reach">What the condition may read through lookups (<c>customerRecord/region eq 'east'</c>); null: the entity's own fields only.</param>
    public static Expression<Func<Dictionary<string, object>, bool>> Predicate(RecordsSchema schema, EntityDefinition entity, string filter, Core.Records.FieldAccess? fields = null,
        LookupReach? reach = null)
    {
        var parser = new ODataUriParser(EdmModelFactory.For(schema), Root, new Uri(Root, $"{entity.Name}?$filter={Uri.EscapeDataString(filter)}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
        try
        {
            var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
            var parsed = parser.ParseFilter() ?? throw new ArgumentException("The filter is empty.", nameof(filter));
            return Condition(new FilterTranslator(entity, row, fields, reach), parsed, row);
        }
        catch (Exception e) when (e is ODataException or ODataQueryException)
        {
            throw new ArgumentException(e.Message, nameof(filter), e);
        }
    }

    private static Expression<Func<Dictionary<string, object>, bool>> Condition(FilterTranslator translator, FilterClause parsed, ParameterExpression row)
    {
        var condition = translator.Translate(parsed.Expression);
        var predicate = condition.Type == typeof(bool) ? condition : Expression.Equal(condition, Expression.Constant(true, typeof(bool?)));
        return Expression.Lambda<Func<Dictionary<string, object>, bool>>(predicate, row);
    }

    /// <summary>Only the filter, in no order (a grouping query sorts nothing before it groups).</summary>
    /// <exception cref="ArgumentException">The filter does not parse or names unknown or hidden fields; the message says why.</exception>
    /// <param name="reach">What the condition may read through lookups (<c>customerRecord/region eq 'east'</c>); null: the entity's own fields only.</param>
    public static IQueryable<Dictionary<string, object>> Where(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, string filter,
        Core.Records.FieldAccess? fields = null, LookupReach? reach = null) => Apply(query, schema, entity, filter, fields, orderBy: null, sorted: false, reach);
}
