using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Platform.Data;
using Platform.Data.Configuration;
using Platform.Web.Components;
using Platform.Web.Data;
using Platform.Web.Endpoints;
using Platform.Web.Localization;
using Platform.Web.Modules;
using Platform.Web.Security;
using Platform.Web.Shell;

using Platform.Web.ApiReference;

namespace Platform.Web.Hosting;

public static class PlatformApplicationExtensions
{
    /// <summary>Applies pending migrations and creates the first administrator.</summary>
    public static async Task InitializePlatformAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await PlatformDatabaseMigrator.MigrateAsync(db, scope.ServiceProvider.GetRequiredService<DatabaseSettings>());
        var options = scope.ServiceProvider.GetRequiredService<IOptions<PlatformOptions>>().Value;
        await scope.ServiceProvider.GetRequiredService<AdministratorSeeder>().SeedAsync(options.Admin, Console.Out);
        await scope.ServiceProvider.GetRequiredService<StartupPackages>().ApplyAsync(app.Environment.ContentRootPath);
    }

    /// <summary>The middleware pipeline, the platform's endpoints, each enabled module's endpoints and the pages.</summary>
    public static WebApplication MapPlatform(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PlatformOptions>>().Value;
        var defaultCulture = PlatformCultures.Normalize(options.DefaultCulture) ?? PlatformCultures.Chinese;
        app.UseMiddleware<Telemetry.InstanceLogScope>();
        app.UseMiddleware<SecurityHeaders>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error", CreateScopeForErrors = true });
        }

        app.UseStatusCodePages(context => PlatformErrors.WriteStatusAsync(context.HttpContext));
        app.UseRequestLocalization(new RequestLocalizationOptions()
            .SetDefaultCulture(defaultCulture)
            .AddSupportedCultures([.. PlatformCultures.Supported])
            .AddSupportedUICultures([.. PlatformCultures.Supported]));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<SameOriginGuard>();
        app.UseMiddleware<RequestContentGuard>();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapFavicon();
        app.MapPlatformErrorEndpoint();
        app.MapHealthEndpoints();
        Telemetry.PlatformTelemetryServices.MapMetricsEndpoint(app);
        app.MapCultureEndpoints();
        app.MapShellEndpoints();
        app.MapApiDocument();

        var modules = app.Services.GetRequiredService<ModuleCatalog>();
        foreach (var startup in modules.Startups)
        {
            startup.MapEndpoints(app);
        }

        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode()
            .AddAdditionalAssemblies([.. modules.PageAssemblies]);
        return app;
    }
}
