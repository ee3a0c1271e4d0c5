using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

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
        var sql = context.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = match.Select(name => type.FindProperty(name) ?? throw new InvalidOperationException($"{type.DisplayName()} has no property {name}.")).ToArray();
        var text = $"DELETE FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"WHERE {string.Join(" AND ", properties.Select((p, i) => $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = {sql.GenerateParameterName($"p{i}")}"))}";
        return new Plan(text, properties);
    }
}
