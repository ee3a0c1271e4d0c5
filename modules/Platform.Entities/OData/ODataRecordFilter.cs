using System.Linq.Expressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Data.Records;

namespace Platform.Entities.OData;

/// <summary>Filters written as OData <c>$filter</c> expressions, for <c>find()</c> in rules: parsed and translated like the API's.</summary>
public sealed class ODataRecordFilter : IRecordFilter
{
    private static readonly Uri Root = new("http://rules/odata/");

    public IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, string filter)
    {
        var parser = new ODataUriParser(EdmModelFactory.For(schema), Root, new Uri(Root, $"{entity.Name}?$filter={Uri.EscapeDataString(filter)}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
        try
        {
            var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
            var condition = new FilterTranslator(entity, row).Translate(parser.ParseFilter()!.Expression);
            var predicate = condition.Type == typeof(bool) ? condition : Expression.Equal(condition, Expression.Constant(true, typeof(bool?)));
            return query.Where(Expression.Lambda<Func<Dictionary<string, object>, bool>>(predicate, row));
        }
        catch (Exception e) when (e is ODataException or ODataQueryException)
        {
            throw new ArgumentException(e.Message, nameof(filter), e);
        }
    }
}
