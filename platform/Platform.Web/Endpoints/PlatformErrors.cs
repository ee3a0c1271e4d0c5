using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Web.Security;

namespace Platform.Web.Endpoints;

/// <summary>
/// Errors without stack traces: API callers get RFC 7807 problem details, people get a plain
/// page. The exception itself goes to the log only.
/// </summary>
public static class PlatformErrors
{
    public static Task WriteStatusAsync(HttpContext context)
    {
        if (!PlatformAuthentication.IsApiRequest(context.Request) || context.Response.HasStarted || context.Response.ContentLength > 0)
        {
            return Task.CompletedTask;
        }

        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context }).AsTask();
    }

    internal static void MapPlatformErrorEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.Map("/error", HandleError).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Seconds a caller is asked to wait before trying again when the database was busy.</summary>
    public const int BusyRetrySeconds = 5;

    private static IResult HandleError(HttpContext context, ILoggerFactory loggers)
    {
        var error = context.Features.Get<IExceptionHandlerPathFeature>();
        if (error?.Error is BadHttpRequestException badRequest)
        {
            return TypedResults.Problem(statusCode: badRequest.StatusCode, title: badRequest.Message);
        }

        if (Busy(error?.Error, context.RequestServices.GetRequiredService<Platform.Data.Configuration.DatabaseSettings>().Provider))
        {
            // SQLite has one writer: a change that waited its whole time behind a long one (an all-or-nothing import) was not made.
            loggers.CreateLogger("Platform.Errors").LogWarning("The database stayed busy for {Path}; the change was not made", error?.Path);
            context.Response.Headers.RetryAfter = BusyRetrySeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var busy = context.RequestServices.GetRequiredService<IStringLocalizer>()["Platform.Error.DatabaseBusy", BusyRetrySeconds];
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: busy);
        }

        loggers.CreateLogger("Platform.Errors").LogError(error?.Error, "Unhandled error on {Path}", error?.Path);
        if (error?.Path is { } path && (path.StartsWith("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/odata", StringComparison.OrdinalIgnoreCase)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The server could not complete the request. The error has been logged.");
        }

        return TypedResults.Content(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Error</title></head><body style=\"font-family:sans-serif;padding:2rem\"><h1>出错了 / Something went wrong</h1><p>错误已记录，请稍后重试。<br>The error has been logged; please try again.</p><p><a href=\"/\">首页 / Home</a></p></body></html>",
            "text/html; charset=utf-8", statusCode: StatusCodes.Status500InternalServerError);
    }

    /// <summary>Whether the request failed because the database stayed busy (locked by another change) rather than for a fault.</summary>
    private static bool Busy(Exception? error, Platform.Data.Configuration.IDatabaseProvider database)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException failure && database.IsBusy(failure))
            {
                return true;
            }
        }

        return false;
    }
}
