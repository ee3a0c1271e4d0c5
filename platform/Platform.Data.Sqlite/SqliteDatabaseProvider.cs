using Microsoft.EntityFrameworkCore;
using Platform.Data.Configuration;

namespace Platform.Data.Sqlite;

/// <summary>Selected by <c>Database:Provider = Sqlite</c>; its migrations live in this assembly.</summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    private static readonly string MigrationsAssembly = typeof(SqliteDatabaseProvider).Assembly.GetName().Name!;

    public string Name => "Sqlite";

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public void ConfigureOnConnection(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection) =>
        options.UseSqlite(connection);

    public string? DefaultConnectionString(string dataDirectory) => $"Data Source={Path.Combine(dataDirectory, "platform.db")}";

    /// <summary>
    /// Write-ahead logging: readers no longer wait for a writer, and a commit appends to the log
    /// instead of copying every page it changes to a rollback journal. The mode is stored in the
    /// database file; synchronous stays FULL, so a committed save survives a crash or power loss.
    /// </summary>
    public async Task PrepareAsync(DbContext context, CancellationToken cancellationToken) =>
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);

    /// <summary>SQLITE_BUSY and SQLITE_LOCKED: another connection held the database's writes for the whole wait.</summary>
    public bool IsBusy(System.Data.Common.DbException failure) => failure is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 };
}
