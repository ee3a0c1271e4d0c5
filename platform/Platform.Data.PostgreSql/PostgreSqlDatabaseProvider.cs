using Microsoft.EntityFrameworkCore;
using Platform.Data.Configuration;

namespace Platform.Data.PostgreSql;

/// <summary>Selected by <c>Database:Provider = PostgreSql</c>; its migrations live in this assembly.</summary>
public sealed class PostgreSqlDatabaseProvider : IDatabaseProvider
{
    private static readonly string MigrationsAssembly = typeof(PostgreSqlDatabaseProvider).Assembly.GetName().Name!;

    public string Name => "PostgreSql";

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public void ConfigureOnConnection(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection) =>
        options.UseNpgsql(connection);

    public string? DefaultConnectionString(string dataDirectory) => null;
}
