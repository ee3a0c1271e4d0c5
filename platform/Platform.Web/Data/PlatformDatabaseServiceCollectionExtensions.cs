using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Configuration;

namespace Platform.Web.Data;

public static class PlatformDatabaseServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PlatformDbContext"/> on the configured provider; stops with a clear message when it is unknown.</summary>
    public static DatabaseSettings AddPlatformDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = DatabaseSettings.Resolve(configuration, contentRoot, DatabaseProviders.All);
        services.AddSingleton(settings);
        // Pooled: every request (and every record save) uses one, and a pooled context skips most of its set-up.
        services.AddDbContextPool<PlatformDbContext>(options => settings.Provider.Configure(options, settings.ConnectionString));
        return settings;
    }
}
