using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Web.Security;

/// <summary>
/// One default scheme for the whole host: a bearer token when the request carries one, else the
/// sign-in cookie. API calls without credentials get 401/403, pages get redirected to sign-in.
/// </summary>
public static class PlatformAuthentication
{
    public const string Scheme = "Platform";
    public const string SessionCookie = ".Platform.Session";

    /// <summary>Requests of programs (the API, OData, a metrics scraper): answered 401/403, never sent to the sign-in page.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments("/odata", StringComparison.OrdinalIgnoreCase)
        || request.Path.StartsWithSegments(Telemetry.PlatformTelemetryServices.MetricsPath, StringComparison.OrdinalIgnoreCase);

    public static bool TryReadBearer(HttpRequest request, out string secret)
    {
        secret = "";
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        secret = header["Bearer ".Length..].Trim();
        return secret.Length > 0;
    }

    internal static IServiceCollection AddPlatformAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, Scheme, options => options.ForwardDefaultSelector = context =>
                TryReadBearer(context.Request, out _) ? ApiTokenAuthenticationHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // AddIdentity makes its cookie the default; the policy scheme above takes that place.
        services.Configure<AuthenticationOptions>(options =>
        {
            options.DefaultScheme = Scheme;
            options.DefaultAuthenticateScheme = Scheme;
            options.DefaultChallengeScheme = Scheme;
            options.DefaultForbidScheme = Scheme;
        });

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = SessionCookie;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = AccountPaths.SignIn;
            cookie.AccessDeniedPath = AccountPaths.AccessDenied;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(12);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiOrRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task ApiOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        if (IsApiRequest(context.Request))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
