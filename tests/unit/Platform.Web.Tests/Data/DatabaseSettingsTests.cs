using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Configuration;
using Platform.Data.Configuration;
using Platform.Data.PostgreSql;
using Platform.Data.SqlServer;
using Platform.Data.Sqlite;

namespace Platform.Web.Tests.Data;

public sealed class DatabaseSettingsTests
{
    private static DatabaseSettings Resolve(params (string Key, string Value)[] values) =>
        DatabaseSettings.Resolve(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build(),
            "/srv/platform", [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider(), new SqlServerDatabaseProvider()]);

    [Fact]
    public void Defaults_to_a_sqlite_file_in_App_Data_beside_the_host()
    {
        var settings = Resolve();

        Assert.Equal("Sqlite", settings.Provider.Name);
        Assert.Equal("/srv/platform/App_Data", settings.DataDirectory);
        Assert.Equal("Data Source=/srv/platform/App_Data/platform.db", settings.ConnectionString);
    }

    [Fact]
    public void The_data_directory_and_provider_come_from_configuration_in_any_letter_case()
    {
        var settings = Resolve(("Platform:DataDirectory", "/var/lib/platform"), ("Database:Provider", "postgresql"),
            ("ConnectionStrings:Platform", "Host=db;Database=platform"));

        Assert.Equal("PostgreSql", settings.Provider.Name);
        Assert.Equal("/var/lib/platform", settings.DataDirectory);
        Assert.Equal("Host=db;Database=platform", settings.ConnectionString);
    }

    [Fact]
    public void An_unknown_provider_stops_with_the_list_of_valid_ones()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => Resolve(("Database:Provider", "MySql")));

        Assert.Equal("Unknown database provider 'MySql' in Database:Provider. Valid providers: Sqlite, PostgreSql, SqlServer.", error.Message);
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public void Server_databases_need_a_connection_string(string provider)
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => Resolve(("Database:Provider", provider)));

        Assert.Contains("ConnectionStrings:Platform", error.Message, StringComparison.Ordinal);
    }
}
