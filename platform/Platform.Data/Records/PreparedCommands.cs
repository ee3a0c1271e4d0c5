using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Platform.Data.Records;

/// <summary>
/// Commands of <see cref="PreparedInsert"/>, <see cref="PreparedUpdate"/>, <see cref="PreparedDelete"/> and <see cref="PreparedRead"/>, one per statement text.
/// Inside <see cref="KeepAsync"/> (a workflow group runs the same few statements for each of its
/// steps) the connection keeps them: the database parses and plans each statement once and later runs
/// only bind new values; they are disposed when the keeping ends. Elsewhere each call has its own command.
/// </summary>
public static class PreparedCommands
{
    private static readonly ConditionalWeakTable<DbConnection, Dictionary<string, DbCommand>> Kept = new();

    /// <summary>Keeps the commands run on the context's connection until disposed (one caller at a time per connection, as with the context itself).</summary>
    public static IAsyncDisposable Keep(DbContext context)
    {
        var connection = context.Database.GetDbConnection();
        var kept = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        Kept.AddOrUpdate(connection, kept);
        return new Keeping(connection, kept);
    }

    /// <summary>Like <see cref="Keep"/>, unless the connection keeps its commands already: then that keeping goes on, and ending this one does nothing.</summary>
    public static IAsyncDisposable KeepUnlessKept(DbContext context) =>
        Kept.TryGetValue(context.Database.GetDbConnection(), out _) ? NotKeeping.Instance : Keep(context);

    private sealed class NotKeeping : IAsyncDisposable
    {
        public static readonly NotKeeping Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>The command for <paramref name="sql"/> in the context's current transaction, created with its parameters when new; <c>Owned</c> when the caller disposes it.</summary>
    internal static (DbCommand Command, bool Owned) For(DbContext context, string sql, Action<DbCommand> addParameters)
    {
        var connection = context.Database.GetDbConnection();
        var kept = Kept.TryGetValue(connection, out var keeping) ? keeping : null;
        if (kept is null || !kept.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            addParameters(command);
            kept?.Add(sql, command);
        }

        command.Transaction = context.Database.CurrentTransaction?.GetDbTransaction();
        return (command, kept is null);
    }

    /// <summary>Runs <paramref name="sql"/> (parameters p0, p1… for <paramref name="columns"/>) with <paramref name="values"/> as the columns' CLR values; answers the rows affected.</summary>
    internal static Task<int> ExecuteAsync(DbContext context, string sql, IReadOnlyList<IProperty> columns, IReadOnlyList<object?> values, CancellationToken cancellationToken) =>
        RunAsync(context, sql, columns, values, command => command.ExecuteNonQueryAsync(cancellationToken));

    /// <summary>Runs the query <paramref name="sql"/> like <see cref="ExecuteAsync"/>; answers its first row as <paramref name="read"/> makes it, or null.</summary>
    internal static Task<T?> ReadAsync<T>(DbContext context, string sql, IReadOnlyList<IProperty> columns, IReadOnlyList<object?> values, Func<DbDataReader, T> read,
        CancellationToken cancellationToken)
        where T : class =>
        RunAsync(context, sql, columns, values, async command =>
        {
            await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SingleRow, cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
        });

    private static async Task<TResult> RunAsync<TResult>(DbContext context, string sql, IReadOnlyList<IProperty> columns, IReadOnlyList<object?> values,
        Func<DbCommand, Task<TResult>> run)
    {
        var (command, owned) = For(context, sql, created =>
        {
            // Named as in the statement, prefix included: SQLite then binds each without trying every prefix.
            var names = context.GetService<ISqlGenerationHelper>();
            for (var i = 0; i < columns.Count; i++)
            {
                created.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(created, names.GenerateParameterName($"p{i}"), null, nullable: true));
            }
        });
        // Outside a transaction the context opens its connection per query, as EF Core itself does.
        var opens = context.Database.GetDbConnection().State != System.Data.ConnectionState.Open;
        if (opens)
        {
            await context.Database.OpenConnectionAsync();
        }

        try
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var converter = columns[i].GetRelationalTypeMapping().Converter;
                command.Parameters[i].Value = (values[i] is { } given && converter is not null ? converter.ConvertToProvider(given) : values[i]) ?? DBNull.Value;
            }

            return await run(command);
        }
        finally
        {
            if (owned)
            {
                await command.DisposeAsync();
            }

            if (opens)
            {
                await context.Database.CloseConnectionAsync();
            }
        }
    }

    private sealed class Keeping(DbConnection connection, Dictionary<string, DbCommand> kept) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Kept.Remove(connection);
            foreach (var command in kept.Values)
            {
                await command.DisposeAsync();
            }

            kept.Clear();
        }
    }
}
