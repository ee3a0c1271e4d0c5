using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Records.Aggregation;

namespace Platform.Data.Records;

/// <summary>
/// Registers <see cref="DecimalUnits"/> with the record model: an amount as whole units (<c>CAST(ROUND(amount * 10000) AS INTEGER)</c>)
/// and its size (<c>ABS(amount)</c>). Reports ask for them only where decimals are kept as text (SQLite), so that the database adds
/// them with its own exact integer <c>SUM</c> instead of calling back into .NET for every row.
/// </summary>
internal static class DecimalUnitFunctions
{
    private static readonly DoubleTypeMapping Real = new("REAL", System.Data.DbType.Double);

    public static void Register(ModelBuilder model, string? provider)
    {
        var integer = provider == "Microsoft.EntityFrameworkCore.Sqlite" ? "INTEGER" : "bigint";
        model.HasDbFunction(DecimalUnits.UnitsMethod).HasTranslation(arguments =>
            new SqlUnaryExpression(System.Linq.Expressions.ExpressionType.Convert,
                new SqlFunctionExpression("ROUND", [new SqlBinaryExpression(System.Linq.Expressions.ExpressionType.Multiply, arguments[0], arguments[1], typeof(double), Real)],
                    nullable: true, argumentsPropagateNullability: [true], typeof(double), Real),
                typeof(long), new LongTypeMapping(integer, System.Data.DbType.Int64)));
        model.HasDbFunction(DecimalUnits.SizeMethod).HasTranslation(arguments =>
            new SqlFunctionExpression("ABS", [arguments[0]], nullable: true, argumentsPropagateNullability: [true], typeof(double), Real));
    }
}
