using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.Records.Query;

/// <summary>
/// What a condition or a grouping may read through a lookup (<c>customer/region</c>): the looked-up entity's records the reader may
/// read, and which of its fields they may see. A value through a lookup is one scalar subquery in the same SQL statement; a
/// looked-up record the reader may not read gives no value, as an empty lookup does — never its contents.
/// </summary>
public sealed record LookupReach(RecordsSchema Schema, Func<EntityDefinition, IQueryable<Dictionary<string, object>>> Rows, Func<EntityDefinition, FieldAccess> Fields)
{
    /// <summary>The reach of a reader: what its actor may read of every entity.</summary>
    public static LookupReach Of(IRecordReader reader) => new(reader.Schema, reader.LiveOf, reader.FieldsOf);

    /// <summary>For checking a question without a database: every field seen (or as <paramref name="fields"/> says), no rows.</summary>
    public static LookupReach Unread(RecordsSchema schema, Func<EntityDefinition, FieldAccess>? fields = null) =>
        new(schema, _ => Enumerable.Empty<Dictionary<string, object>>().AsQueryable(), fields ?? (_ => FieldAccess.Open));

    /// <summary>
    /// The entity a lookup of <paramref name="entity"/> points at, for the path <c>hop/field</c> — or for a line, <c>parentId</c>, the
    /// entity of the record it belongs to; null when <paramref name="hop"/> is neither.
    /// </summary>
    public EntityDefinition? TargetOf(EntityDefinition entity, string hop) =>
        hop == SystemFields.ParentId ? Schema.ParentOf(entity.Name)?.Parent
        : entity.LiveField(hop) is { } field && field.Kind == FieldTypes.Lookup && field.Target is { } target ? Schema.Find(target) : null;

    /// <summary>
    /// The field an OData navigation property of <paramref name="entity"/> reads through: <c>customerRecord</c> → <c>customer</c>; for a
    /// line without a lookup of that name, <c>parentRecord</c> → <c>parentId</c>.
    /// </summary>
    public string HopOf(EntityDefinition entity, string navigation)
    {
        var field = navigation.EndsWith(EdmModelFactory.LookupRecordSuffix, StringComparison.Ordinal) ? navigation[..^EdmModelFactory.LookupRecordSuffix.Length] : navigation;
        return entity.LiveField(field) is { } lookup && lookup.Kind == FieldTypes.Lookup ? field
            : navigation == EdmModelFactory.ParentRecord && Schema.ParentOf(entity.Name) is not null ? SystemFields.ParentId : field;
    }

    /// <summary>The OData navigation property a hop reads through: <c>customer</c> → <c>customerRecord</c>, <c>parentId</c> → <c>parentRecord</c>.</summary>
    public static string NavigationOf(string hop) => hop == SystemFields.ParentId ? EdmModelFactory.ParentRecord : hop + EdmModelFactory.LookupRecordSuffix;

    /// <summary>
    /// <c>Rows(target).Where(t =&gt; t.id == row.hop).Select(t =&gt; t.field).FirstOrDefault()</c>: the looked-up record's field, as nullable.
    /// </summary>
    /// <exception cref="ODataQueryException">The target has no such field, or the reader may not see it.</exception>
    public Expression Value(ParameterExpression row, string hop, EntityDefinition target, string field, string option)
    {
        var fields = Fields(target);
        if (!fields.MayRead(field))
        {
            throw new ODataQueryException(option, $"Your roles do not let you see the field '{field}' of {target.Name}, so {option} cannot use it.");
        }

        var t = Expression.Parameter(typeof(Dictionary<string, object>), "t");
        var inner = new FilterTranslator(target, t, fields);
        var type = inner.ClrTypeOf(field) ?? throw new ODataQueryException(option, $"'{target.Name}' has no field '{field}'.");
        Expression value = inner.Property(field);
        var nullable = type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
        if (value.Type != nullable)
        {
            value = Expression.Convert(value, nullable);
        }

        var id = Expression.Convert(Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid)], t, Expression.Constant(SystemFields.Id)), typeof(Guid?));
        var pointer = Expression.Call(typeof(EF), nameof(EF.Property), [typeof(Guid?)], row, Expression.Constant(hop));
        var rows = Rows(target).Expression;
        var matching = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(Dictionary<string, object>)], rows,
            Expression.Quote(Expression.Lambda(Expression.Equal(id, pointer), t)));
        var picked = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(Dictionary<string, object>), nullable], matching, Expression.Quote(Expression.Lambda(value, t)));
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [nullable], picked);
    }
}
