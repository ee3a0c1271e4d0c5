using System.Runtime.CompilerServices;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Inserts new records (<see cref="RecordsDbContext.NewRows"/>) with one prepared INSERT per table,
/// run once per row. The statement is generated from the EF Core model of the table — its columns and
/// the provider's type mappings — so values are stored exactly as EF Core would store them; what is
/// skipped is the change tracking of SaveChanges, most of the cost of creating a record. Plans are
/// cached per model (one per schema version).
/// </summary>
internal static class RecordInserter
{
    private sealed record Plan(string Sql, IProperty[] Properties, RelationalTypeMapping[] Mappings);

    private static readonly ConditionalWeakTable<IEntityType, Plan> Plans = new();

    public static async Task InsertNewAsync(RecordsDbContext records, CancellationToken cancellationToken)
    {
        foreach (var group in records.NewRows.GroupBy(n => n.Entity.Name, StringComparer.Ordinal))
        {
            var type = records.Model.FindEntityType(group.Key)!;
            await InsertAsync(records, Plans.GetValue(type, t => PlanFor(records, t)), group.Select(n => n.Row).ToList(), cancellationToken);
        }

        records.NewRows.Clear();
    }

    private static Plan PlanFor(RecordsDbContext records, IEntityType type)
    {
        var sql = records.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToArray();
        var text = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", properties.Select((_, i) => sql.GenerateParameterName($"p{i}")))})";
        return new Plan(text, properties, properties.Select(p => p.GetRelationalTypeMapping()).ToArray());
    }

    private static async Task InsertAsync(RecordsDbContext records, Plan plan, List<Dictionary<string, object>> rows, CancellationToken cancellationToken)
    {
        await using DbCommand command = records.Database.GetDbConnection().CreateCommand();
        command.Transaction = records.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = plan.Sql;
        for (var i = 0; i < plan.Properties.Length; i++)
        {
            command.Parameters.Add(plan.Mappings[i].CreateParameter(command, $"p{i}", Value(rows[0], i), nullable: true));
        }

        if (rows.Count > 1)
        {
            await command.PrepareAsync(cancellationToken);
        }

        for (var row = 0; row < rows.Count; row++)
        {
            for (var i = 0; row > 0 && i < plan.Properties.Length; i++)
            {
                command.Parameters[i].Value = Value(rows[row], i) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        object? Value(Dictionary<string, object> row, int i) =>
            row.GetValueOrDefault(plan.Properties[i].Name) is { } value && plan.Mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) : row.GetValueOrDefault(plan.Properties[i].Name);
    }
}
