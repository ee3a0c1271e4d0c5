using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Platform.Data.Records;

/// <summary>
/// Deletes the rows of an EF Core entity type whose named columns hold the values given, with one
/// DELETE on the context's connection and transaction; answers how many went. Statement and values
/// come from the model, as for <see cref="PreparedUpdate"/>.
/// </summary>
public static class PreparedDelete
{
    private sealed record Plan(string Sql, IProperty[] Match);

    private static readonly ConcurrentDictionary<(IEntityType, string), Plan> Plans = new();

    public static async Task<int> RunAsync(DbContext context, IEntityType type, IReadOnlyList<string> match, IReadOnlyList<object?> matchValues, CancellationToken cancellationToken)
    {
        var plan = Plans.GetOrAdd((type, string.Join(',', match)), _ => PlanFor(context, type, match));
        return await PreparedCommands.ExecuteAsync(context, plan.Sql, plan.Match, matchValues, cancellationToken);
    }

    private static Plan PlanFor(DbContext context, IEntityType type, IReadOnlyList<string> match)
    {
        var sql = new PreparedSql(context, type);
        var properties = sql.Properties(match);
        return new Plan($"DELETE FROM {sql.Table} WHERE {sql.Assignments(properties, 0, " AND ")}", properties);
    }
}
