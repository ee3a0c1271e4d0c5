using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Platform.Web.Shell;

/// <summary>
/// The product's icon at <c>/favicon.ico</c>, where browsers and bookmarks look for it (16, 32 and
/// 48 px in one file); open to everyone, like the sign-in page that shows it, and cached for a day.
/// </summary>
public static class FaviconEndpoint
{
    private static readonly Lazy<byte[]> Icon = new(() =>
    {
        using var stream = typeof(FaviconEndpoint).Assembly.GetManifestResourceStream("shell:favicon.ico")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static void MapFavicon(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/favicon.ico", Get).AllowAnonymous().ExcludeFromDescription();

    private static FileContentHttpResult Get(HttpContext context)
    {
        context.Response.Headers.CacheControl = "public, max-age=86400";
        return TypedResults.File(Icon.Value, "image/x-icon");
    }
}
