using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Platform.Core.Security;
using Platform.Web.Localization;

namespace Platform.Web.Endpoints;

public static class CultureEndpoints
{
    /// <summary>
    /// <c>GET /culture/set?culture=en&amp;returnUrl=/</c>: switches the UI language (cookie) and, for a
    /// signed-in user, remembers it on the account so it follows them to other browsers.
    /// </summary>
    public static void MapCultureEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/culture/set", SetCulture).AllowAnonymous().WithName("SetCulture").WithTags("Platform");

    private static async Task<IResult> SetCulture(string? culture, string? returnUrl, HttpContext context, UserManager<PlatformUser> users)
    {
        var chosen = PlatformCultures.Normalize(culture);
        if (chosen is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest,
                title: $"Unsupported culture '{culture}'. Supported: {string.Join(", ", PlatformCultures.Supported)}.");
        }

        WriteCookie(context.Response, chosen);
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != chosen)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }

        return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
    }

    public static void WriteCookie(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
