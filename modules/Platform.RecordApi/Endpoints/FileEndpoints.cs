using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;
using Platform.Records;
using Platform.Records.Files;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// Files for attachment and image fields: <c>POST /api/files?name=contract.pdf</c> with the bytes
/// as the body stores one and answers its id (to put in a field); <c>GET /api/files/{id}</c> gives it
/// back to whoever may read the record holding it (or, until then, to its uploader).
/// </summary>
public static class FileEndpoints
{
    public const long DefaultMaxBytes = 25 * 1024 * 1024;

    public static void MapFileEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var files = endpoints.MapGroup("/api/files").WithTags("Files");
        files.MapPost("/", Upload).Accepts<Stream>("*/*").WithName("UploadFile").WithSummary("Stores the request body as a file (?name= gives its name); 201 with id, name, size and content type.");
        files.MapGet("/{id:guid}", Download).WithName("DownloadFile").WithSummary("The file's content; pictures inline, everything else as a download.");
    }

    public sealed record UploadedFile(Guid Id, string Name, long Size, string ContentType);

    private static async Task<Results<Created<UploadedFile>, ProblemHttpResult>> Upload(string? name, HttpContext context, IFileStore store, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var max = configuration.GetValue("Platform:Files:MaxBytes", DefaultMaxBytes);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + 1;
        }

        if (context.Request.ContentLength is > 0 && context.Request.ContentLength > max)
        {
            return TooLarge(max);
        }

        var counted = new CountingStream(context.Request.Body);
        StoredFile? file;
        try
        {
            file = await store.SaveAsync(counted, name, context.Request.ContentType, context.User.FindFirstValue(ClaimTypes.NameIdentifier)!, max, cancellationToken);
        }
        catch (BadHttpRequestException)
        {
            return TooLarge(max);
        }

        if (file is null)
        {
            return counted.BytesRead == 0
                ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file is empty: send its content as the request body.")
                : TooLarge(max);
        }

        return TypedResults.Created($"/api/files/{file.Id}", new UploadedFile(file.Id, file.Name, file.Size, file.ContentType));
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> Download(Guid id, HttpContext context, IFileStore store, IRecordStore records, CancellationToken cancellationToken)
    {
        var file = await store.FindAsync(id, cancellationToken);
        var actor = Actors.From(context.User);
        // Attached: to whoever may read the record and the field holding it (a secured field hidden from them is not there to find).
        var readable = file is not null && (file.RecordId is { } recordId
            ? await records.GetAsync(file.EntityKey!, recordId, includeDeleted: true, actor, cancellationToken) is { } record && Holds(record.Values, id)
            : file.UploadedBy == actor.UserId);
        if (!readable)
        {
            return TypedResults.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        AnswerPolicy.Set(context, "default-src 'none'; sandbox");
        var picture = file!.IsImage;
        return TypedResults.Stream(await store.OpenAsync(file!, cancellationToken), file!.ContentType, picture ? null : file.Name, entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""));
    }

    /// <summary>Whether one of the values — a files field's descriptions, or a line's — describes the file.</summary>
    private static bool Holds(IEnumerable<object?> values, Guid file) => values.Any(value => value switch
    {
        IReadOnlyDictionary<string, object?> described when described.ContainsKey("contentType") => described.GetValueOrDefault("id") is Guid id && id == file,
        IReadOnlyDictionary<string, object?> line => Holds(line.Values, file),
        IDictionary<string, object?> line => Holds(line.Values, file),
        System.Collections.IEnumerable items and not string => Holds(items.Cast<object?>(), file),
        _ => false,
    });

    private static ProblemHttpResult TooLarge(long max) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"A file has at most {max / 1024 / 1024} MB; nothing was stored.");
}
