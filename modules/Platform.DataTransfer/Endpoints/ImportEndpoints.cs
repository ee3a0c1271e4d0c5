using Platform.Records.Query.Spreadsheets;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.DataTransfer.Import;
using Platform.Records.Files;
using Platform.Web.Security;

namespace Platform.DataTransfer.Endpoints;

/// <summary>
/// <c>/api/import/{entity}</c>: a spreadsheet uploaded through <c>/api/files</c>, previewed before
/// anything is written — how its columns map to fields, which required fields no column fills, and the
/// first rows with the problem of each cell.
/// </summary>
public static class ImportEndpoints
{
    public static void MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var import = endpoints.MapGroup("/api/import").WithTags("Import").RequireAuthorization();
        import.MapPost("/{entity}/preview", Preview).WithName("PreviewImport")
            .WithSummary("The mapping and the first rows of an uploaded .xlsx/.csv with their problems: { file, mapping: { heading: field } }.");
        import.MapPost("/{entity}", Start).WithName("StartImport")
            .WithSummary("Imports an uploaded file: { file, mapping, key: [fields], mode: insert|update|upsert, onError: rollback|skip }; 202 with the job to poll.");
        import.MapGet("/jobs/{id:guid}", Job).WithName("ImportJob").WithSummary("An import's progress, counts and problems.");
        import.MapGet("/jobs/{id:guid}/errors.csv", ErrorReport).WithName("ImportErrorReport").WithSummary("The problems of an import, one line per row, as CSV.");
    }

    public sealed record ImportRequest(Guid File, Dictionary<string, string>? Mapping, List<string>? Key = null, string? Mode = null, string? OnError = null);

    private static async Task<IResult> Preview(string entity, HttpContext context, IFileStore files, ImportService imports)
    {
        var (request, stored, refusal) = await RequestAsync(context, files);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            var preview = await imports.PreviewAsync(entity, stored!, request!.Mapping, Actors.From(context.User), context.RequestAborted);
            var culture = CultureInfo.CurrentUICulture.Name;
            return Results.Ok(new
            {
                totalRows = preview.TotalRows,
                columns = preview.Mapping.Columns.Select(c => new { heading = c.Heading, field = c.Field.Name, label = c.Field.Label.For(culture) }),
                ignored = preview.Mapping.Ignored,
                missingRequired = preview.Mapping.MissingRequired.Select(f => new { field = f.Name, label = f.Label.For(culture) }),
                warnings = preview.Warnings,
                rows = preview.Rows.Select(r => new { row = r.Number, values = r.Values, errors = r.Errors.Select(e => new { e.Heading, e.Field, e.Message }), duplicates = r.Duplicates }),
            });
        }
        catch (ImportFileException e)
        {
            return Refused(e);
        }
    }

    private static async Task<IResult> Start(string entity, HttpContext context, IFileStore files, ImportService imports)
    {
        var (request, stored, refusal) = await RequestAsync(context, files);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Enum.TryParse<ImportMode>(request!.Mode ?? "insert", ignoreCase: true, out var mode) || int.TryParse(request.Mode, out _)
            || request.OnError is not (null or "rollback" or "skip"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "mode is insert, update or upsert; onError is rollback (all or nothing) or skip (keep the good rows).");
        }

        try
        {
            var settings = new ImportSettings(request.Mapping, request.Key ?? [], mode, request.OnError == "skip");
            var started = await imports.StartAsync(entity, stored!, settings, Actors.From(context.User), context.RequestAborted);
            return Results.Accepted($"/api/import/jobs/{started.Id}", Describe(started));
        }
        catch (ImportFileException e)
        {
            return Refused(e);
        }
    }

    private static IResult Refused(ImportFileException e) =>
        Results.Problem(statusCode: e.NoSuchEntity ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest, title: e.Message);

    private static async Task<IResult> Job(Guid id, HttpContext context, ImportService imports) =>
        await imports.FindAsync(id, Actors.From(context.User).UserId, cancellationToken: context.RequestAborted) is { } job
            ? Results.Ok(Describe(job))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such import.");

    private static async Task<IResult> ErrorReport(Guid id, HttpContext context, ImportService imports)
    {
        if (await imports.FindAsync(id, Actors.From(context.User).UserId, int.MaxValue, context.RequestAborted) is not { } job)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such import.");
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=import-{job.Entity}-errors.csv";
        await using var writer = new CsvExportWriter(context.Response.Body);
        var zh = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        await writer.WriteHeadingsAsync(zh ? ["行", "问题"] : ["Row", "Problems"], context.RequestAborted);
        foreach (var row in job.Problems.GroupBy(e => e.Row))
        {
            await writer.WriteRowAsync([row.Key, string.Join("; ", row.Select(e => (e.Heading ?? e.Field) is { } column ? $"{column}: {e.Message}" : e.Message))], context.RequestAborted);
        }

        await writer.CompleteAsync(context.RequestAborted);
        return Results.Empty;
    }

    private static object Describe(ImportStatus job) => new
    {
        id = job.Id, entity = job.Entity, status = job.Status, message = job.Message, total = job.Total, processed = job.Processed,
        inserted = job.Inserted, updated = job.Updated, failedRows = job.FailedRows, skipBadRows = job.SkipBadRows,
        errors = job.Problems.Take(200).Select(e => new { e.Row, e.Heading, e.Field, e.Message }),
    };

    private static async Task<(ImportRequest? Request, StoredFile? File, IResult? Refusal)> RequestAsync(HttpContext context, IFileStore files)
    {
        ImportRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ImportRequest>(context.Request.Body, JsonSerializerOptions.Web, context.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The body is not {{ file, mapping, key, mode, onError }}: {e.Message}"));
        }

        var stored = request is null ? null : await files.FindUnattachedAsync(request.File, context.RequestAborted);
        return stored is null || stored.UploadedBy != context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ? (null, null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such uploaded file: upload the spreadsheet to /api/files first."))
            : (request, stored, null);
    }
}
