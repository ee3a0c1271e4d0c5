using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Inserts rows of one EF Core entity type with one prepared INSERT, run once per row, on the
/// context's connection and transaction (see <see cref="PreparedCommands"/>). The statement comes from the model (table, columns,
/// the provider's type mappings and value converters), so values are stored exactly as EF Core
/// would store them; what is skipped is SaveChanges' change tracking — most of the cost on the hot
/// paths that use it (new records, audit entries, workflow steps). Columns the database generates are left out.
/// Plans are cached per entity type, so once per model.
/// </summary>
public static class PreparedInsert
{
    private sealed record Plan(string Sql, IProperty[] Properties, RelationalTypeMapping[] Mappings);

    private static readonly ConditionalWeakTable<IEntityType, Plan> Plans = new();

    public static async Task RunAsync<T>(DbContext context, IEntityType type, IReadOnlyList<T> rows, Func<T, IProperty, object?> value, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var plan = Plans.GetValue(type, t => PlanFor(context, t));
        var (command, owned) = PreparedCommands.For(context, plan.Sql, created =>
        {
            for (var i = 0; i < plan.Properties.Length; i++)
            {
                created.Parameters.Add(plan.Mappings[i].CreateParameter(created, $"p{i}", null, nullable: true));
            }
        });
        try
        {
            if (owned && rows.Count > 1)
            {
                await command.PrepareAsync(cancellationToken);
            }

            foreach (var row in rows)
            {
                for (var i = 0; i < plan.Properties.Length; i++)
                {
                    command.Parameters[i].Value = ProviderValue(row, i) ?? DBNull.Value;
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            if (owned)
            {
                await command.DisposeAsync();
            }
        }

        object? ProviderValue(T row, int i) =>
            value(row, plan.Properties[i]) is { } given && plan.Mappings[i].Converter is { } converter ? converter.ConvertToProvider(given) : value(row, plan.Properties[i]);
    }

    private static Plan PlanFor(DbContext context, IEntityType type)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // Left out: what the database numbers itself. A Guid key counts as generated in the model, but the caller has set it.
        var properties = type.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never || p.ClrType == typeof(Guid)).ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterName($"p{i}")))})";
        return new Plan(text, properties, properties.Select(p => p.GetRelationalTypeMapping()).ToArray());
    }
}
