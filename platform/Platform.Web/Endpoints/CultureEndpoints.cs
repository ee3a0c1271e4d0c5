using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
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

        CultureCookie.Write(context.Response, chosen);
        if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user && user.PreferredCulture != chosen)
        {
            user.PreferredCulture = chosen;
            await users.UpdateAsync(user);
        }

        return TypedResults.LocalRedirect(ReturnUrls.IsLocal(returnUrl) ? returnUrl! : "/");
    }
}
