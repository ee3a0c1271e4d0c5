using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Packages;
using Platform.Data.Records;

namespace Platform.Web.Data;

public static class PlatformRecordsServiceCollectionExtensions
{
    /// <summary>The entity engine's services, shared by the host and the CLI.</summary>
    public static IServiceCollection AddPlatformRecords(this IServiceCollection services)
    {
        services.AddSingleton<RecordsDbContextFactory>();
        services.AddSingleton<SchemaCache>();
        services.AddSingleton(sp => new Platform.Rules.ScriptHost(
            Platform.Rules.RuleLimits.From(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<SchemaManager>();
        services.AddScoped<RecordValueConverter>();
        services.AddScoped<Platform.Data.Files.FileStore>();
        services.AddScoped<Platform.Data.Views.SavedViewStore>();
        services.AddScoped<Platform.Data.Menus.AppMenuStore>();
        services.AddScoped<Platform.Data.Identity.PeopleDirectory>();
        services.AddScoped<Platform.Data.Identity.IIdentityTables>(sp => sp.GetRequiredService<Platform.Data.PlatformDbContext>());
        services.AddScoped<RecordStore>();
        services.AddScoped<AppPackageService>();
        return services;
    }
}
