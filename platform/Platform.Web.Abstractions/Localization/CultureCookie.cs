using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Platform.Web.Localization;

/// <summary>The cookie that carries a person's UI language (zh-CN or en) for a year, read by request localization.</summary>
public static class CultureCookie
{
    public static void Write(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
}
