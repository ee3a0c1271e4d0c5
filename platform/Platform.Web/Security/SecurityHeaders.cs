using Microsoft.AspNetCore.Http;

namespace Platform.Web.Security;

/// <summary>
/// Headers every answer carries — pages, API, files, redirects and errors alike (set as the response
/// starts, so nothing written later can skip them). The content security policy allows only this
/// host's own scripts: the Blazor shell, Radzen, CodeMirror and the bundles of later modules are all
/// files served from here; styles may be inline because Radzen and the designers set them per element. An answer that sets a
/// stricter policy of its own through <see cref="AnswerPolicy"/> (an uploaded file, a print preview: nothing runs) is sent with it.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            var own = AnswerPolicy.Of(context);
            headers.XFrameOptions = own?.FrameOptions ?? "DENY";
            headers.ContentSecurityPolicy = own?.ContentSecurityPolicy ?? ContentSecurityPolicy;

            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
