using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Updates one row of an EF Core entity type with one UPDATE of the columns named, matched by the
/// columns named (a key, a row version), on the context's connection and transaction; answers how
/// many rows matched. Like <see cref="PreparedInsert"/>, the statement and the values come from the
/// model (identifiers, type mappings, value converters) and change tracking is skipped. Plans are cached
/// per entity type and column list.
/// </summary>
public static class PreparedUpdate
{
    private sealed record Plan(string Sql, IProperty[] Set, IProperty[] Match);

    private static readonly ConcurrentDictionary<(IEntityType, string), Plan> Plans = new();

    public static async Task<int> RunAsync(DbContext context, IEntityType type, IReadOnlyList<string> set, IReadOnlyList<object?> values,
        IReadOnlyList<string> match, IReadOnlyList<object?> matchValues, CancellationToken cancellationToken)
    {
        var plan = Plans.GetOrAdd((type, string.Join(',', set) + "|" + string.Join(',', match)), _ => PlanFor(context, type, set, match));
        return await PreparedCommands.ExecuteAsync(context, plan.Sql, [.. plan.Set, .. plan.Match], [.. values, .. matchValues], cancellationToken);
    }

    private static Plan PlanFor(DbContext context, IEntityType type, IReadOnlyList<string> set, IReadOnlyList<string> match)
    {
        var sql = new PreparedSql(context, type);
        var (setProperties, matchProperties) = (sql.Properties(set), sql.Properties(match));
        var text = $"UPDATE {sql.Table} SET {sql.Assignments(setProperties, 0, ", ")} WHERE {sql.Assignments(matchProperties, setProperties.Length, " AND ")}";
        return new Plan(text, setProperties, matchProperties);
    }
}
