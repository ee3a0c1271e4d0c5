using Microsoft.EntityFrameworkCore;
using Platform.Data.Configuration;

namespace Platform.Data.SqlServer;

/// <summary>Selected by <c>Database:Provider = SqlServer</c>; its migrations live in this assembly.</summary>
public sealed class SqlServerDatabaseProvider : IDatabaseProvider
{
    private static readonly string MigrationsAssembly = typeof(SqlServerDatabaseProvider).Assembly.GetName().Name!;

    public string Name => "SqlServer";

    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, o => o.MigrationsAssembly(MigrationsAssembly));

    public void ConfigureOnConnection(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection) =>
        options.UseSqlServer(connection);

    public string? DefaultConnectionString(string dataDirectory) => null;
}
