using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Platform.OcrCapture.Endpoints;

/// <summary>A refusal as the API answers it: the reason in the caller's language as the title, its key as <c>code</c>.</summary>
internal static class CaptureProblems
{
    public static IResult Of(HttpContext context, int status, string key, params object[] arguments) =>
        Results.Problem(statusCode: status, title: context.RequestServices.GetRequiredService<IStringLocalizer>()[key, arguments],
            extensions: new Dictionary<string, object?> { ["code"] = key });

    /// <summary>404 when the batch does not exist, else 400.</summary>
    public static IResult Of(HttpContext context, CaptureRefusedException refused) =>
        Of(context, refused.Key == "OcrCapture.Error.NoBatch" ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, refused.Key, [.. refused.Arguments]);
}
