using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.Records.Query;

/// <summary>
/// Turns a parsed OData expression into a LINQ expression over record property bags, using
/// <c>EF.Property</c> so EF Core translates it to SQL: the filter runs in the database. A field the
/// reader may not see (<paramref name="fields"/>) is refused by name: a condition on it would tell its value.
/// </summary>
/// <param name="reach">What may be read through a lookup's record (<c>customerRecord/region eq 'east'</c>); null: conditions name the entity's own fields only.</param>
public sealed class FilterTranslator(EntityDefinition entity, ParameterExpression row, FieldAccess? fields = null, LookupReach? reach = null)
{
    private static readonly MethodInfo PropertyMethod = typeof(EF).GetMethod(nameof(EF.Property))!;

    /// <summary>
    /// The condition, with every literal of the filter bound as a SQL parameter: a value never becomes
    /// part of the SQL text (a NUL or a quote in it is just data).
    /// </summary>
    public Expression Translate(SingleValueNode node) => new LiteralParameters().Visit(Node(node));

    private Expression Node(SingleValueNode node) => node switch
    {
        BinaryOperatorNode binary => Binary(binary),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(AsBool(Node(not.Operand))),
        ConvertNode convert => Node(convert.Source),
        SingleValuePropertyAccessNode { Source: SingleNavigationNode navigation } through => Through(navigation, through.Property.Name),
        SingleValuePropertyAccessNode property => Property(Seen(property.Property.Name, "$filter")),
        ConstantNode constant => Constant(constant.Value),
        SingleValueFunctionCallNode call => Function(call),
        InNode @in => In(@in),
        AnyNode { Source: CollectionPropertyAccessNode collection } any => AnyChoice(Seen(collection.Property.Name, "$filter"), any.Body),
        _ => throw new ODataQueryException("$filter", $"'{node.Kind}' expressions are not supported in filters."),
    };

    /// <summary>A field of the record a lookup points at (<c>customer/region</c>), one step deep, as the reader may read it.</summary>
    private Expression Through(SingleNavigationNode navigation, string field)
    {
        if (reach is null || navigation.Source is not ResourceRangeVariableReferenceNode)
        {
            throw new ODataQueryException("$filter", "Conditions reach through one lookup at most (customerRecord/region).");
        }

        // The lookup's record is its navigation property, customerRecord, the lookup field itself holds the id; a line's parent record is parentRecord.
        var hop = Seen(reach.HopOf(entity, navigation.NavigationProperty.Name), "$filter");
        var target = reach.TargetOf(entity, hop) ?? throw new ODataQueryException("$filter", $"'{hop}' of {entity.Name} is not a lookup.");
        return reach.Value(row, hop, target, field, "$filter");
    }

    /// <summary>The field's name when the reader may see it; refused in <paramref name="option"/> otherwise.</summary>
    public string Seen(string name, string option) =>
        fields is null || fields.MayRead(name) ? name
        : throw new ODataQueryException(option, $"Your roles do not let you see the field '{name}' of {entity.Name}, so {option} cannot use it.");

    public Expression Property(string name)
    {
        var type = ClrTypeOf(name) ?? throw new ODataQueryException("$filter", $"'{entity.Name}' has no field '{name}'.");
        return Expression.Call(PropertyMethod.MakeGenericMethod(type), row, Expression.Constant(name));
    }

    public Type? ClrTypeOf(string name)
    {
        var system = name switch
        {
            SystemFields.Id => typeof(Guid),
            SystemFields.CreatedAt or SystemFields.UpdatedAt => typeof(DateTimeOffset),
            SystemFields.CreatedBy or SystemFields.UpdatedBy or SystemFields.Owner or SystemFields.Department => typeof(string),
            SystemFields.RowVersion => typeof(int),
            SystemFields.ParentId => typeof(Guid?),
            SystemFields.LineNumber => typeof(int?),
            _ => null,
        };
        if (system is not null)
        {
            return system;
        }

        var field = entity.LiveField(name);
        if (field is null || field.Column is null)
        {
            return null;
        }

        var clr = FieldTypes.StorageOf(field).ClrType;
        return clr.IsValueType ? typeof(Nullable<>).MakeGenericType(clr) : clr;
    }

    private BinaryExpression Binary(BinaryOperatorNode node)
    {
        if (node.OperatorKind is BinaryOperatorKind.And or BinaryOperatorKind.Or)
        {
            var l = AsBool(Node(node.Left));
            var r = AsBool(Node(node.Right));
            return node.OperatorKind == BinaryOperatorKind.And ? Expression.AndAlso(l, r) : Expression.OrElse(l, r);
        }

        var (left, right) = Unify(Node(node.Left), Node(node.Right));
        if (left.Type == typeof(string) && node.OperatorKind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual))
        {
            // Strings order through string.Compare, which EF Core translates to SQL comparison.
            left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            right = Expression.Constant(0);
        }

        return node.OperatorKind switch
        {
            BinaryOperatorKind.Equal => Expression.Equal(left, right),
            BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
            BinaryOperatorKind.GreaterThan => Expression.GreaterThan(left, right),
            BinaryOperatorKind.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
            BinaryOperatorKind.LessThan => Expression.LessThan(left, right),
            BinaryOperatorKind.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
            _ => throw new ODataQueryException("$filter", $"The operator '{node.OperatorKind}' is not supported."),
        };
    }

    private Expression Function(SingleValueFunctionCallNode call)
    {
        var arguments = call.Parameters.Cast<SingleValueNode>().Select(Translate).ToList();
        switch (call.Name)
        {
            case "contains" or "startswith" or "endswith":
                var method = call.Name switch { "contains" => "Contains", "startswith" => "StartsWith", _ => "EndsWith" };
                return Expression.Call(Text(arguments[0]), typeof(string).GetMethod(method, [typeof(string)])!, Text(arguments[1]));
            case "tolower" or "toupper":
                return Expression.Call(Text(arguments[0]), typeof(string).GetMethod(call.Name == "tolower" ? "ToLower" : "ToUpper", Type.EmptyTypes)!);
            case "length":
                return Expression.Property(Text(arguments[0]), nameof(string.Length));
            case "year" or "month" or "day" or "hour" or "minute":
                var value = arguments[0];
                var underlying = Nullable.GetUnderlyingType(value.Type) ?? value.Type;
                var member = char.ToUpperInvariant(call.Name[0]) + call.Name[1..];
                if (underlying.GetProperty(member) is null)
                {
                    throw new ODataQueryException("$filter", $"{call.Name}() needs a date or date-time field.");
                }

                // A missing date has no year: compare as null, like SQL does.
                var part = Expression.Property(Nullable.GetUnderlyingType(value.Type) is null ? value : Expression.Property(value, "Value"), member);
                return Nullable.GetUnderlyingType(value.Type) is null
                    ? part
                    : Expression.Condition(Expression.Property(value, "HasValue"), Expression.Convert(part, typeof(int?)), Expression.Constant(null, typeof(int?)));
            default:
                throw new ODataQueryException("$filter", $"The function '{call.Name}' is not supported. Supported: contains, startswith, endswith, tolower, toupper, length, year, month, day, hour, minute.");
        }
    }

    /// <summary>
    /// <c>tags/any(t: t eq 'vip' or t eq 'key')</c> on a multi-choice field: the stored list (values
    /// in choice order, comma-separated) holds one of the values. Runs in the database as a text search
    /// for <c>,vip,</c> in <c>,tags,</c>, so 'vip' never matches 'vip2'.
    /// </summary>
    private Expression AnyChoice(string name, SingleValueNode body)
    {
        var column = Expression.Call(PropertyMethod.MakeGenericMethod(typeof(string)), row, Expression.Constant(name));
        var wrapped = Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string), typeof(string)])!,
            Expression.Constant(","), column, Expression.Constant(","));
        Expression Holds(SingleValueNode node) => (node is ConvertNode c ? c.Source : node) switch
        {
            BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Or } or => Expression.OrElse(Holds(or.Left), Holds(or.Right)),
            BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Equal } eq when (Value(eq.Left, eq.Right) ?? Value(eq.Right, eq.Left)) is { } value =>
                Expression.Call(wrapped, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Expression.Constant($",{value},")),
            _ => throw new ODataQueryException("$filter", $"Inside {name}/any() compare the item with values joined by or, e.g. {name}/any(t: t eq 'vip' or t eq 'key')."),
        };
        return Holds(body);

        static string? Value(SingleValueNode item, SingleValueNode other) =>
            Unwrapped(item) is NonResourceRangeVariableReferenceNode && Unwrapped(other) is ConstantNode { Value: string text } ? text : null;

        static SingleValueNode Unwrapped(SingleValueNode node) => node is ConvertNode convert ? Unwrapped(convert.Source) : node;
    }

    private MethodCallExpression In(InNode node)
    {
        var property = Node(node.Left);
        var values = node.Right switch
        {
            CollectionConstantNode list => list.Collection.Select(c => ConvertTo(c.Value, property.Type)).ToList(),
            _ => throw new ODataQueryException("$filter", "'in' needs a list of values, e.g. status in ('draft','sale')."),
        };
        var array = Array.CreateInstance(property.Type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            array.SetValue(values[i], i);
        }

        var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2)
            .MakeGenericMethod(property.Type);
        return Expression.Call(contains, Expression.Constant(array), property);
    }

    private static Expression AsBool(Expression e) =>
        e.Type == typeof(bool) ? e
        : e.Type == typeof(bool?) ? Expression.Equal(e, Expression.Constant(true, typeof(bool?)))
        : throw new ODataQueryException("$filter", "Expected a condition (true or false).");

    private static Expression Text(Expression e) =>
        e.Type == typeof(string) ? e : throw new ODataQueryException("$filter", "Text functions need a text field.");

    private static ConstantExpression Constant(object? value) => value switch
    {
        null => Expression.Constant(null),
#pragma warning disable CS0618 // CS0618: ODL 8's parser still hands out Edm.Date literals; ODL 9 replaces them with DateOnly.
        Date date => Expression.Constant(new DateOnly(date.Year, date.Month, date.Day)),
#pragma warning restore CS0618
        _ => Expression.Constant(value),
    };

    /// <summary>Brings both sides to one type: a literal takes the field's type (5 → long?, '2026-03-05' → DateOnly?).</summary>
    private static (Expression Left, Expression Right) Unify(Expression left, Expression right)
    {
        if (left.Type == right.Type)
        {
            return (left, right);
        }

        if (right is ConstantExpression r)
        {
            return (left, Expression.Constant(ConvertTo(r.Value, left.Type), left.Type));
        }

        if (left is ConstantExpression l)
        {
            return (Expression.Constant(ConvertTo(l.Value, right.Type), right.Type), right);
        }

        var target = Nullable.GetUnderlyingType(left.Type) is not null ? left.Type : right.Type;
        return (left.Type == target ? left : Expression.Convert(left, target), right.Type == target ? right : Expression.Convert(right, target));
    }

    private static object? ConvertTo(object? value, Type type)
    {
        if (value is null)
        {
            return Nullable.GetUnderlyingType(type) is not null || !type.IsValueType ? null
                : throw new ODataQueryException("$filter", "This value cannot be null.");
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return value switch
            {
#pragma warning disable CS0618 // CS0618: see Constant().
                Date d when target == typeof(DateOnly) => new DateOnly(d.Year, d.Month, d.Day),
#pragma warning restore CS0618
                DateTimeOffset dto when target == typeof(DateTimeOffset) => dto.ToUniversalTime(), // moments are stored in UTC
                _ when target == typeof(Guid) => value is Guid g ? g : Guid.Parse(value.ToString()!),
                _ => System.Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new ODataQueryException("$filter", $"The value {value} does not fit a {target.Name} field.");
        }
    }
}
