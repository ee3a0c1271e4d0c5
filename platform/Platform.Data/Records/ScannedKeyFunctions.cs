using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Platform.Records.Aggregation;

namespace Platform.Data.Records;

/// <summary>
/// Registers <see cref="ScannedKeys"/>: on SQLite a key as <c>ifnull(field, NULL)</c> — the same value, but no longer a bare column, so
/// the planner reads the table through and sorts instead of walking the column's index and looking each record up; elsewhere the field itself.
/// </summary>
internal static class ScannedKeyFunctions
{
    public static void Register(ModelBuilder model, string? provider)
    {
        foreach (var method in ScannedKeys.All())
        {
            model.HasDbFunction(method).HasTranslation(arguments => provider == "Microsoft.EntityFrameworkCore.Sqlite"
                ? new SqlFunctionExpression("ifnull", [arguments[0], new SqlFragmentExpression("NULL")], nullable: true, argumentsPropagateNullability: [true, false],
                    arguments[0].Type, arguments[0].TypeMapping)
                : arguments[0]);
        }
    }
}
