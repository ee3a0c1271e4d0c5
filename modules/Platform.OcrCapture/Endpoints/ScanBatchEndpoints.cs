using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.OcrCapture.Batches;
using Platform.Records.Files;
using Platform.Records.Ocr;
using Platform.Web.Endpoints;

namespace Platform.OcrCapture.Endpoints;

/// <summary>
/// <c>/api/ocr/batches</c>: scanners and pages upload a stack of scans as one multipart request
/// (<c>template</c>, optional <c>name</c>, any number of files — images, multi-page TIFF, PDF), streamed to the
/// file store; the answer is 202 with the batch to poll. Reading runs in the background on any host.
/// </summary>
public static class ScanBatchEndpoints
{
    /// <summary>What one request may carry in all (each file at most <see cref="ScanDocument.MaxBytes"/>).</summary>
    public const long MostRequestBytes = 4L * 1024 * 1024 * 1024;

    /// <summary>The longest <c>template</c> or <c>name</c> field.</summary>
    public const int MostFieldChars = 200;

    public static void MapScanBatchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var batches = endpoints.MapGroup("/api/ocr/batches").WithTags("OCR capture").RequireAuthorization(Permissions.ReadBatches);
        batches.MapPost("/", Create).Accepts<IFormFileCollection>("multipart/form-data").RequireAuthorization(Permissions.CreateBatches).WithName("CreateScanBatch")
            .WithSummary("Uploads scans as a new batch (multipart/form-data: template, name, files); 202 with the batch, read in the background.");
        batches.MapGet("/", List).WithName("ListScanBatches").WithSummary("The newest batches with their pages counted by state.");
        batches.MapGet("/{id:guid}", Get).WithName("GetScanBatch").WithSummary("A batch: progress, files and every page's state.");
        batches.MapGet("/{id:guid}/pages/{page:guid}/cells", Cells).WithName("GetScannedPageCells").WithSummary("The cells read on one page, with flags and a link to each cell's picture.");
        endpoints.MapGet("/api/ocr/cells/{id:long}/crop", Crop).WithTags("OCR capture").RequireAuthorization(Permissions.ReadBatches)
            .WithName("GetReadCellCrop").WithSummary("The picture of one read cell (PNG), cut from the aligned page.");
    }

    private static async Task<IResult> Create(HttpContext context, IFileStore files, ScanBatchService batches, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.NotMultipart");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MostRequestBytes;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var (template, name, uploads) = ((string?)null, (string?)null, new List<ScanUpload>());
        var reader = new MultipartReader(boundary, context.Request.Body) { BodyLengthLimit = null };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                if (disposition.IsFileDisposition())
                {
                    if (uploads.Count >= ScanBatchService.MostFiles)
                    {
                        return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.TooManyFiles", uploads.Count + 1, ScanBatchService.MostFiles);
                    }

                    var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "") is { Length: > 0 } n ? n : $"scan-{uploads.Count + 1}";
                    var counted = new CountingStream(section.Body);
                    var stored = await files.SaveAsync(counted, fileName, section.ContentType, userId, ScanDocument.MaxBytes, cancellationToken);
                    if (stored is null)
                    {
                        await counted.CopyToAsync(Stream.Null, cancellationToken); // the rest of an oversized file, to reach the next part
                    }

                    uploads.Add(stored is not null
                        ? new ScanUpload(fileName, stored.Size, stored.Id, null)
                        : new ScanUpload(fileName, counted.BytesRead, null, counted.BytesRead == 0 ? PageProblems.Empty : PageProblems.TooLarge));
                }
                else if (disposition.Name.Value is "template" or "name")
                {
                    // A form field is a short text: read at most MostFieldChars, never a whole oversized part into memory.
                    using var text = new StreamReader(section.Body);
                    var buffer = new char[MostFieldChars + 1];
                    var length = await text.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
                    if (length > MostFieldChars)
                    {
                        return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.FieldTooLong", disposition.Name.Value, MostFieldChars);
                    }

                    var value = new string(buffer, 0, length).Trim();
                    if (disposition.Name.Value == "template")
                    {
                        template = value;
                    }
                    else
                    {
                        name = value;
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.BadUpload", e.Message);
        }

        if (string.IsNullOrEmpty(template))
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, "OcrCapture.Error.TemplateMissing");
        }

        try
        {
            var batch = await batches.CreateAsync(template, name, uploads, userId, cancellationToken);
            return Results.Accepted($"/api/ocr/batches/{batch.Id}", new { id = batch.Id, name = batch.Name, template = batch.TemplateName, templateVersion = batch.TemplateVersion, job = batch.JobId, files = uploads.Count });
        }
        catch (CaptureRefusedException e)
        {
            return CaptureProblems.Of(context, StatusCodes.Status400BadRequest, e.Key, [.. e.Arguments]);
        }
    }

    private static async Task<IResult> List(IScanBatchStore store, int? take, CancellationToken cancellationToken) =>
        Results.Ok(await store.BatchesAsync(Math.Clamp(take ?? 50, 1, 500), cancellationToken));

    private static async Task<IResult> Get(Guid id, HttpContext context, IScanBatchStore store, CancellationToken cancellationToken)
    {
        if (await store.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return CaptureProblems.Of(context, StatusCodes.Status404NotFound, "OcrCapture.Error.NoBatch");
        }

        var files = await store.FilesAsync(id, cancellationToken);
        var pages = await store.PagesAsync(id, cancellationToken);
        return Results.Ok(new
        {
            batch = summary,
            files = files.Select(f => new { f.Id, f.Ordinal, f.FileName, f.Size, f.PageCount, f.Refusal }),
            pages = pages.Select(p => new
            {
                p.Id, p.Ordinal, p.FileId, p.PageNumber, p.State, p.Reason, p.ReasonCode, warnings = p.Warnings?.Split(',') ?? [], p.TurnedOver, p.Attempts, p.Milliseconds,
                p.RecordId, recordProblems = p.RecordProblems is null ? null : Records.SheetProblem.Of(p).Select(x => new { path = x.Path, message = x.Text }), // in the caller's language
            }),
        });
    }

    private static async Task<IResult> Cells(Guid id, Guid page, HttpContext context, IScanBatchStore store, CancellationToken cancellationToken)
    {
        var cells = await store.CellsOfPageAsync(page, cancellationToken);
        if (cells.Count > 0 && cells[0].BatchId != id)
        {
            return CaptureProblems.Of(context, StatusCodes.Status404NotFound, "OcrCapture.Error.NoBatch");
        }

        return Results.Ok(cells.Select(c => new
        {
            c.Id, c.Path, c.Field, c.Kind, c.Value, c.Confidence, flags = c.Flags.Length == 0 ? [] : c.Flags.Split(','), c.Corrected, current = c.Current, c.Confirmed,
            crop = $"/api/ocr/cells/{c.Id}/crop",
        }));
    }

    private static async Task<IResult> Crop(long id, HttpContext context, IScanBatchStore store, CancellationToken cancellationToken)
    {
        if (await store.CropAsync(id, cancellationToken) is not { Crop: { } crop })
        {
            return Results.NotFound();
        }

        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Results.File(crop, "image/png");
    }
}
