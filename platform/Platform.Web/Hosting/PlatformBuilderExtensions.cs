using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Modules;
using Platform.Bpmn.Engine;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Configuration;
using Platform.Web.Data;
using Platform.Web.Localization;
using Platform.Web.Modules;
using Platform.Web.Navigation;
using Platform.Web.Security;
using Radzen;

using Platform.Web.ApiReference;

using Platform.Web.Telemetry;

namespace Platform.Web.Hosting;

public static class PlatformBuilderExtensions
{
    /// <summary>
    /// Adds the platform: database, identity, authentication, localization, the Blazor shell, and
    /// the services of every enabled module, in dependency order. The host names the databases it
    /// ships with (<paramref name="databases"/>); <c>Database:Provider</c> picks one of them.
    /// </summary>
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder, IReadOnlyList<IDatabaseProvider> databases)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var modules = new ModuleCatalog(ModuleDiscovery.FindReferencedModules(), configuration);
        services.AddSingleton(modules);
        services.AddSingleton<IModuleCatalog>(modules);
        services.Configure<PlatformOptions>(configuration.GetSection(PlatformOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        // RCL assets (_content/…) are served from the build output in every environment, not only Development.
        builder.WebHost.UseStaticWebAssets();

        services.AddPlatformDatabase(configuration, builder.Environment.ContentRootPath, databases);
        // Notices are mailed too when an SMTP server is configured (Platform:Mail).
        services.AddSingleton(Platform.Data.Notifications.MailSettings.Read(configuration));
        services.AddSingleton<Notifications.NotificationMailer>();
        services.AddHostedService(sp => sp.GetRequiredService<Notifications.NotificationMailer>());
        // Durable background jobs (OCR batches, …): rows in the database, leased by one host at a time.
        services.AddSingleton(Jobs.BackgroundJobSettings.Read(configuration));
        services.AddScoped<Platform.Data.Jobs.BackgroundJobStore>();
        services.AddScoped<Platform.Abstractions.Jobs.IBackgroundJobs, Jobs.WakingBackgroundJobs>();
        services.AddSingleton<Jobs.BackgroundJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<Jobs.BackgroundJobRunner>());
        services.AddHostedService<Files.FileSweeping>();
        services.AddPlatformTelemetry(configuration);
        services.AddIdentity<PlatformUser, PlatformRole>(PlatformIdentity.Configure)
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PlatformUserClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();
        services.AddDataProtection().SetApplicationName("Platform").PersistKeysToDbContext<PlatformDbContext>();
        services.AddPlatformAuthentication();
        services.AddAuthorization(options =>
            options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddSingleton<PermissionCatalog>();
        services.AddScoped<IPermissionDirectory, PermissionDirectory>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddScoped<ApiTokenService>();
        services.AddScoped<IApiTokens>(sp => sp.GetRequiredService<ApiTokenService>());
        services.AddScoped<IPasswordCheck, PasswordCheck>();
        services.AddScoped<IActorDirectory, ActorDirectory>();
        services.AddSingleton<UnknownNameAttempts>();
        services.AddPlatformRecords();
        services.AddApiDocument();
        services.AddScoped<AdministratorSeeder>();
        services.AddScoped<StartupPackages>();

        services.AddSingleton(new LocalizationCatalog([typeof(PlatformBuilderExtensions).Assembly, typeof(Core.Fields.FieldType).Assembly, typeof(Platform.Web.Components.Files.FileDropZone).Assembly, .. modules.EnabledModules.Select(m => m.Assembly)]));
        services.AddSingleton<IStringLocalizerFactory, CatalogStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddSingleton<IStringLocalizer>(sp => new CatalogStringLocalizer(sp.GetRequiredService<LocalizationCatalog>()));

        services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese text goes into pages as characters, not as &#x…; entities (a third of the bytes).
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        // Sign-in cookies are re-checked against the account every minute (lockout, password, roles).
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(configuration.GetValue("Platform:Security:SessionRevalidationSeconds", RevalidatingIdentityStateProvider.Interval.TotalSeconds)));
        services.AddRadzenComponents();
        services.AddScoped<NavigationMenu>();
        services.AddProblemDetails();
        // Unreadable request bodies reach the error handler, which answers 400 with the reason.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<ShellOptions>(_ => { });

        foreach (var startup in modules.Startups)
        {
            startup.ConfigureServices(services, configuration);
        }

        services.AddRequestedWorkflowEngine();

        return builder;
    }
}
