using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Platform.Web.Endpoints;

namespace Platform.Web.Security;

/// <summary>
/// What a state-changing API call may send. Its body must be of a type the endpoint declares with
/// <c>.Accepts(…)</c> — JSON when it declares none — or the call is refused with 415 before anything
/// reads it. A JSON body must be valid UTF-8 (checked as it streams, not held whole in memory), so no
/// endpoint ever meets a string it cannot decode.
/// </summary>
public sealed class RequestContentGuard(RequestDelegate next)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!SameOriginGuard.IsStateChanging(request.Method) || !PlatformAuthentication.IsApiRequest(request) || !HasBody(request))
        {
            await next(context);
            return;
        }

        var accepted = context.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } declared
            ? declared.Select(t => MediaTypeHeaderValue.Parse(t)).ToList()
            : [Json];
        var sent = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed : null;
        if (!Accepts(accepted, sent))
        {
            await ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                Text(context, "Platform.Security.UnsupportedContentType", string.Join(", ", accepted.Select(a => a.MediaType.ToString())), request.ContentType ?? "—"));
            return;
        }

        if (sent is not null && IsJson(sent))
        {
            if (sent.Charset.HasValue && !sent.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType, Text(context, "Platform.Security.NotUtf8Charset", sent.Charset.ToString()));
                return;
            }

            request.EnableBuffering();
            var invalidAt = await FirstInvalidUtf8ByteAsync(request.Body, context.RequestAborted);
            request.Body.Position = 0;
            if (invalidAt is { } offset)
            {
                await ApiProblems.WriteAsync(context, StatusCodes.Status400BadRequest, Text(context, "Platform.Security.InvalidUtf8", offset));
                return;
            }
        }

        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.Headers.TransferEncoding.Count > 0;

    private static bool Accepts(List<MediaTypeHeaderValue> accepted, MediaTypeHeaderValue? sent)
    {
        if (sent is null)
        {
            // No type named: only an endpoint that takes anything (a file upload) reads such a body.
            return accepted.Any(a => a.MatchesAllTypes);
        }

        return accepted.Any(a => sent.IsSubsetOf(a) || IsJson(sent) && IsJson(a));
    }

    private static bool IsJson(MediaTypeHeaderValue type) =>
        type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || type.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The offset of the first byte that is not part of valid UTF-8, or null when all are.</summary>
    internal static async Task<long?> FirstInvalidUtf8ByteAsync(Stream body, CancellationToken cancellationToken)
    {
        var decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[16 * 1024];
        var chars = new char[bytes.Length + 4];
        long offset = 0;
        int read;
        try
        {
            while ((read = await body.ReadAsync(bytes, cancellationToken)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
                offset += read;
            }

            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return null;
        }
        catch (DecoderFallbackException e)
        {
            return offset + Math.Max(0, e.Index);
        }
    }

    private static string Text(HttpContext context, string key, params object[] arguments) =>
        context.RequestServices.GetRequiredService<IStringLocalizer>()[key, arguments];
}
