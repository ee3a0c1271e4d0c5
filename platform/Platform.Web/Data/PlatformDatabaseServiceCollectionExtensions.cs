using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn.Storage;
using Platform.Data;
using Platform.Data.Configuration;

namespace Platform.Web.Data;

public static class PlatformDatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlatformDbContext"/> on the configured provider, one of <paramref name="providers"/> (the host
    /// chooses which databases it ships with); stops with a clear message when the configured one is not among them.
    /// </summary>
    public static DatabaseSettings AddPlatformDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot, IReadOnlyList<IDatabaseProvider> providers)
    {
        var settings = DatabaseSettings.Resolve(configuration, contentRoot, providers);
        services.AddSingleton(settings);
        // Pooled: every request (and every record save) uses one, and a pooled context skips most of its set-up.
        services.AddDbContextPool<PlatformDbContext>(options =>
        {
            settings.Provider.Configure(options, settings.ConnectionString);
            options.UseModelParts(new WorkflowTables(), new Platform.Stock.Storage.StockTables());
        });
        return settings;
    }
}
