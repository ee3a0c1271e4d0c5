using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Bpmn.Engine;
using Platform.Data.Configuration;
using Platform.Data.PostgreSql;
using Platform.Data.SqlServer;
using Platform.Data.Sqlite;
using Platform.Web.Data;
using Platform.Web.Hosting;
using Platform.Web.Localization;
using Platform.Web.Modules;
using Platform.Web.Security;

namespace Platform.Cli;

/// <summary>The services a command needs, configured from the same sources and keys as the host.</summary>
public static class CliServices
{
    /// <summary>The databases the command line works on, the same the host ships with.</summary>
    private static readonly IDatabaseProvider[] Databases = [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider(), new SqlServerDatabaseProvider()];

    public static ServiceProvider Build(IReadOnlyDictionary<string, string?> settings, string? contentRoot, out DatabaseSettings database)
    {
        var root = Path.GetFullPath(contentRoot ?? Directory.GetCurrentDirectory());
        var configuration = new ConfigurationBuilder()
            .SetBasePath(root)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddConfiguration(configuration.GetSection("Logging")).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        database = services.AddPlatformDatabase(configuration, root, Databases);
        services.AddPlatformIdentityCore();
        // The permissions roles may grant, so a package's roles are checked as the administration pages check them.
        services.AddSingleton<Platform.Web.Security.PermissionCatalog>();
        services.AddScoped<Platform.Web.Security.IPermissionDirectory, Platform.Web.Security.PermissionDirectory>();
        services.AddPlatformRecords();
        // Every enabled module's services, as on the host: a package applied here gets the same parts (views, menus, workflows).
        var modules = new ModuleCatalog(ModuleDiscovery.FindReferencedModules(), configuration);
        foreach (var startup in modules.Startups)
        {
            startup.ConfigureServices(services, configuration);
        }

        services.AddRequestedWorkflowEngine();

        // The messages of the record engine, the field kinds and the modules, as on the host.
        services.AddSingleton(new LocalizationCatalog([typeof(PlatformBuilderExtensions).Assembly, typeof(Platform.Core.Fields.FieldType).Assembly, typeof(Platform.Web.Components.Files.FileDropZone).Assembly, .. modules.EnabledModules.Select(m => m.Assembly)]));
        services.AddSingleton<IStringLocalizer>(sp => new CatalogStringLocalizer(sp.GetRequiredService<LocalizationCatalog>()));
        return services.BuildServiceProvider();
    }
}
