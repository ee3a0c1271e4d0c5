using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Writes audit entries with one prepared INSERT on the save's own connection and transaction, run
/// once per entry. Every save writes at least one entry, so this is on the hot path: no tracked entity
/// and no id read back per entry. Values go through the provider's type mappings, so they are stored
/// exactly as EF Core stores and reads them.
/// </summary>
internal static class AuditWriter
{
    private static readonly (string Column, Type Type, Func<AuditEntry, object?> Value)[] Columns =
    [
        (nameof(AuditEntry.EntityKey), typeof(string), a => a.EntityKey),
        (nameof(AuditEntry.RecordId), typeof(Guid), a => a.RecordId),
        (nameof(AuditEntry.ParentRecordId), typeof(Guid), a => a.ParentRecordId),
        (nameof(AuditEntry.Action), typeof(string), a => a.Action),
        (nameof(AuditEntry.Field), typeof(string), a => a.Field),
        (nameof(AuditEntry.OldValue), typeof(string), a => a.OldValue),
        (nameof(AuditEntry.NewValue), typeof(string), a => a.NewValue),
        (nameof(AuditEntry.At), typeof(DateTimeOffset), a => a.At),
        (nameof(AuditEntry.UserId), typeof(string), a => a.UserId),
        (nameof(AuditEntry.UserName), typeof(string), a => a.UserName),
    ];

    public static async Task WriteAsync(DbContext context, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var sql = context.GetService<ISqlGenerationHelper>();
        var mappings = Columns.Select(c => context.GetService<IRelationalTypeMappingSource>().FindMapping(c.Type)!).ToArray();
        await using DbCommand command = context.Database.GetDbConnection().CreateCommand();
        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        var names = Columns.Select((_, i) => $"p{i}").ToArray();
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier("AuditEntries")} ({string.Join(", ", Columns.Select(c => sql.DelimitIdentifier(c.Column)))}) "
            + $"VALUES ({string.Join(", ", names.Select(sql.GenerateParameterName))})";
        for (var i = 0; i < Columns.Length; i++)
        {
            command.Parameters.Add(mappings[i].CreateParameter(command, names[i], ProviderValue(i, entries[0]), nullable: true));
        }

        if (entries.Count > 1)
        {
            await command.PrepareAsync(cancellationToken);
        }

        for (var entry = 0; entry < entries.Count; entry++)
        {
            for (var i = 0; entry > 0 && i < Columns.Length; i++)
            {
                command.Parameters[i].Value = ProviderValue(i, entries[entry]) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        object? ProviderValue(int column, AuditEntry entry) =>
            Columns[column].Value(entry) is { } value && mappings[column].Converter is { } converter ? converter.ConvertToProvider(value) : Columns[column].Value(entry);
    }
}
