using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Data.Configuration;
using Platform.Web.Data;
using Platform.Web.Localization;

namespace Platform.Benchmarks;

/// <summary>
/// The platform's record services on a fresh SQLite database in a temp folder, as the host registers
/// them (no web host): what every benchmark starts from. Linked into each benchmark project.
/// </summary>
internal static class BenchPlatform
{
    public static (ServiceCollection Services, DatabaseSettings Database, string Folder) Create(string name)
    {
        var folder = Directory.CreateTempSubdirectory($"platform-bench-{name}-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Platform:DataDirectory", folder)]).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddSingleton<IStringLocalizer>(new CatalogStringLocalizer(new LocalizationCatalog([typeof(LocalizationCatalog).Assembly, typeof(Core.Fields.FieldType).Assembly])));
        var database = services.AddPlatformDatabase(configuration, folder, [new Data.Sqlite.SqliteDatabaseProvider(), new Data.PostgreSql.PostgreSqlDatabaseProvider()]);
        services.AddPlatformRecords();
        return (services, database, folder);
    }
}
