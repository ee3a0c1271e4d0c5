using System.Linq.Expressions;
using Microsoft.OData.UriParser;

namespace Platform.Records.Query;

/// <summary>
/// Sorts a query of records by an OData <c>$orderby</c> (field names, each ascending or descending), the
/// id last so equal values come in a stable order — for the OData API and for <c>find()</c> in rules alike.
/// </summary>
internal static class RecordOrder
{
    public static IQueryable<Dictionary<string, object>> Apply(IQueryable<Dictionary<string, object>> query, Core.Metadata.EntityDefinition entity, OrderByClause? clause, FilterTranslator translator, ParameterExpression row)
    {
        var first = true;
        var ordered = query;
        string? last = null;
        for (var item = clause; item is not null; item = item.ThenBy)
        {
            if (item.Expression is not SingleValuePropertyAccessNode property)
            {
                throw new ODataQueryException("$orderby", "$orderby takes field names, e.g. $orderby=price desc,name.");
            }

            last = translator.Seen(property.Property.Name, "$orderby");
            var key = translator.Property(last);
            var lambda = Expression.Lambda(key, row);
            var method = (first, item.Direction) switch
            {
                (true, OrderByDirection.Ascending) => nameof(Queryable.OrderBy),
                (true, _) => nameof(Queryable.OrderByDescending),
                (false, OrderByDirection.Ascending) => nameof(Queryable.ThenBy),
                _ => nameof(Queryable.ThenByDescending),
            };
            ordered = (IQueryable<Dictionary<string, object>>)typeof(Queryable).GetMethods()
                .Single(m => m.Name == method && m.GetParameters().Length == 2)
                .MakeGenericMethod(typeof(Dictionary<string, object>), key.Type)
                .Invoke(null, [ordered, lambda])!;
            first = false;
        }

        // A stable order makes $skip pages reliable: the id breaks ties (and orders unsorted queries).
        // Ordering by a unique field has no ties; leaving the id out lets the database walk that field's index.
        if (last == Core.Metadata.SystemFields.Id || (last is not null && entity.LiveField(last)?.Unique == true))
        {
            return ordered;
        }

        var id = Expression.Lambda<Func<Dictionary<string, object>, Guid>>(translator.Property(Core.Metadata.SystemFields.Id), row);
        return first ? ordered.OrderBy(id) : ((IOrderedQueryable<Dictionary<string, object>>)ordered).ThenBy(id);
    }
}
