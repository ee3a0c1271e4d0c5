using Microsoft.AspNetCore.Http;

namespace Platform.Web.Endpoints;

/// <summary>Writes an RFC 7807 problem from middleware, where no endpoint result is at hand.</summary>
public static class ApiProblems
{
    public static Task WriteAsync(HttpContext context, int status, string title) =>
        Results.Problem(statusCode: status, title: title).ExecuteAsync(context);
}
