using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Web.Endpoints;

namespace Platform.Web.Security;

/// <summary>
/// Cross-site request forgery stops here. A state-changing API call (<c>/api</c>, <c>/odata</c>) that
/// rides on the sign-in cookie must prove it comes from our own pages: it carries the
/// <c>X-Requested-With</c> header (a page on another site cannot add a header without a CORS
/// pre-flight, which this host never grants), and its <c>Origin</c> and <c>Sec-Fetch-Site</c>, when
/// the browser sends them, name this host. Calls with a bearer token carry no ambient credential and
/// pass as before.
/// </summary>
public sealed class SameOriginGuard(RequestDelegate next, IConfiguration configuration)
{
    public const string RequiredHeader = "X-Requested-With";

    private readonly HashSet<string> _trustedOrigins = new(
        configuration.GetSection("Platform:Security:TrustedOrigins").Get<string[]>() ?? [], StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsStateChanging(request.Method)
            || !PlatformAuthentication.IsApiRequest(request)
            || PlatformAuthentication.TryReadBearer(request, out _)
            || !request.Cookies.ContainsKey(PlatformAuthentication.SessionCookie))
        {
            return next(context);
        }

        if (Refusal(request) is { } reason)
        {
            return ApiProblems.WriteAsync(context, StatusCodes.Status403Forbidden, Text(context, reason));
        }

        return next(context);
    }

    public static bool IsStateChanging(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private string? Refusal(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none"))
        {
            return "Platform.Security.CrossSite";
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !IsOwnOrigin(origin, request))
        {
            return "Platform.Security.CrossSite";
        }

        return string.IsNullOrWhiteSpace(request.Headers[RequiredHeader]) ? "Platform.Security.HeaderMissing" : null;
    }

    /// <summary>
    /// Compares host and port only: behind a proxy that ends TLS the request arrives as http while the
    /// page was https. <c>Platform:Security:TrustedOrigins</c> names further origins (another host name).
    /// </summary>
    private bool IsOwnOrigin(string origin, HttpRequest request) =>
        _trustedOrigins.Contains(origin.TrimEnd('/'))
        || Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.IsDefaultPort ? uri.Host : uri.Authority, StripDefaultPort(request.Host), StringComparison.OrdinalIgnoreCase);

    private static string StripDefaultPort(HostString host) =>
        host.Port is 80 or 443 ? host.Host : host.Value ?? "";

    private static string Text(HttpContext context, string key) =>
        context.RequestServices.GetRequiredService<IStringLocalizer>()[key, RequiredHeader];
}
