using Platform.Data.Configuration;
using Platform.Data.PostgreSql;
using Platform.Data.Sqlite;
using Platform.Data.SqlServer;

namespace Platform.Web.Data;

/// <summary>The databases the platform runs on, selected by <c>Database:Provider</c>.</summary>
public static class DatabaseProviders
{
    public static IReadOnlyList<IDatabaseProvider> All { get; } =
        [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider(), new SqlServerDatabaseProvider()];
}
