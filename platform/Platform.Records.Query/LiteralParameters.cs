using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Records.Query;

/// <summary>
/// Rewrites the literals of a translated filter as values read from a holder object. EF Core turns
/// such reads into SQL parameters, where a constant would be written into the SQL text. Field names
/// (the second argument of <c>EF.Property</c>) stay constants: they are checked against the entity
/// and must be part of the statement.
/// </summary>
internal sealed class LiteralParameters : ExpressionVisitor
{
    /// <summary>
    /// <c>string.Compare(a, b) &gt;= 0</c> keeps its 0: EF Core turns that shape into <c>a &gt;= b</c> (which
    /// can use an index) only when the 0 is a constant.
    /// </summary>
    protected override Expression VisitBinary(BinaryExpression node) =>
        node.Left is MethodCallExpression { Method.Name: nameof(string.Compare) } compare && compare.Method.DeclaringType == typeof(string) && node.Right is ConstantExpression
            ? node.Update(Visit(node.Left), node.Conversion, node.Right)
            : base.VisitBinary(node);

    protected override Expression VisitMethodCall(MethodCallExpression node) =>
        node.Method.DeclaringType == typeof(EF) && node.Method.Name == nameof(EF.Property) ? node : base.VisitMethodCall(node);

    protected override Expression VisitConstant(ConstantExpression node)
    {
        if (node.Value is null)
        {
            return node;
        }

        if (node.Value is string text && text.Contains('\0', StringComparison.Ordinal)
            || node.Value is string[] texts && texts.Any(t => t?.Contains('\0', StringComparison.Ordinal) == true))
        {
            // No stored text holds one (PostgreSQL cannot store it at all); say so rather than match nothing on one database and fail on another.
            throw new ODataQueryException("$filter", "Text in a filter cannot contain the NUL character (U+0000).");
        }

        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(node.Type), node.Value)!;
        return Expression.Field(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    private sealed class Holder<T>(T value)
    {
#pragma warning disable CA1051 // CA1051: a public field is what EF Core reads as a parameter; a property would do as well, a field keeps it one line.
        public readonly T Value = value;
#pragma warning restore CA1051
    }
}
