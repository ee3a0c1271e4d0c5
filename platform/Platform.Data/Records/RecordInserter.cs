using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Inserts the new rows a record context tracks with one prepared INSERT per table, run once per
/// row, then marks them saved; changes to existing rows are left to SaveChanges. The statement is
/// generated from the EF Core model of the table (its columns and the provider's type mappings), so
/// values are stored exactly as EF Core would store them — only the per-row change-tracking work of
/// SaveChanges is skipped, which is most of the cost of creating a record.
/// </summary>
internal static class RecordInserter
{
    public static async Task InsertAddedAsync(RecordsDbContext records, CancellationToken cancellationToken)
    {
        var added = records.ChangeTracker.Entries<Dictionary<string, object>>().Where(e => e.State == EntityState.Added).ToList();
        foreach (var group in added.GroupBy(e => e.Metadata))
        {
            await InsertAsync(records, group.Key, group.ToList(), cancellationToken);
        }

        foreach (var entry in added)
        {
            entry.State = EntityState.Unchanged;
        }
    }

    private static async Task InsertAsync(RecordsDbContext records, IEntityType type, List<EntityEntry<Dictionary<string, object>>> rows, CancellationToken cancellationToken)
    {
        var sql = records.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        var properties = type.GetProperties().ToArray();
        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var names = properties.Select((_, i) => $"p{i}").ToArray();
        await using DbCommand command = records.Database.GetDbConnection().CreateCommand();
        command.Transaction = records.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterName))})";
        for (var i = 0; i < properties.Length; i++)
        {
            command.Parameters.Add(mappings[i].CreateParameter(command, names[i], Value(rows[0].Entity, i), nullable: true));
        }

        if (rows.Count > 1)
        {
            await command.PrepareAsync(cancellationToken);
        }

        for (var row = 0; row < rows.Count; row++)
        {
            for (var i = 0; row > 0 && i < properties.Length; i++)
            {
                command.Parameters[i].Value = Value(rows[row].Entity, i) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        object? Value(Dictionary<string, object> row, int i) =>
            row.GetValueOrDefault(properties[i].Name) is { } value && mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) : row.GetValueOrDefault(properties[i].Name);
    }
}
