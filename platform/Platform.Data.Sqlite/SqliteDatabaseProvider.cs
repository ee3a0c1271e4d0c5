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
}
