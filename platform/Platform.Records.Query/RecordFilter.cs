using System.Linq.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.Records.Query;

/// <summary>
/// Narrows a query of an entity's records by a filter written as OData <c>$filter</c> — for
/// <c>find()</c> in rules, parsed and translated exactly as the OData API's (which uses the same
/// translator), so rules need no module to filter.
/// </summary>
public static class RecordFilter
{
    private static readonly Uri Root = new("http://rules/odata/");

    /// <param name="fields">What the reader may not see: a condition on it is refused (null: every field).</param>
    /// <exception cref="ArgumentException">The filter does not parse or names unknown or hidden fields; the message says why.</exception>
    public static IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, string filter, Core.Records.FieldAccess? fields = null)
    {
        var parser = new ODataUriParser(EdmModelFactory.For(schema), Root, new Uri(Root, $"{entity.Name}?$filter={Uri.EscapeDataString(filter)}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
        try
        {
            var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
            var condition = new FilterTranslator(entity, row, fields).Translate(parser.ParseFilter()!.Expression);
            var predicate = condition.Type == typeof(bool) ? condition : Expression.Equal(condition, Expression.Constant(true, typeof(bool?)));
            return query.Where(Expression.Lambda<Func<Dictionary<string, object>, bool>>(predicate, row));
        }
        catch (Exception e) when (e is ODataException or ODataQueryException)
        {
            throw new ArgumentException(e.Message, nameof(filter), e);
        }
    }
}
