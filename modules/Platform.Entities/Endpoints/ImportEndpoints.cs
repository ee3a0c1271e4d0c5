using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Files;
using Platform.Data.Records;
using Platform.Entities.Import;
using Platform.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Platform.Entities.Endpoints;

/// <summary>
/// <c>/api/import/{entity}</c>: a spreadsheet uploaded through <c>/api/files</c>, previewed before
/// anything is written — how its columns map to fields, which required fields no column fills, and the
/// first rows with the problem of each cell.
/// </summary>
public static class ImportEndpoints
{
    private const int PreviewRows = 20;

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

    private static async Task<IResult> Preview(string entity, HttpContext context, PlatformDbContext db, FileStore files, RecordStore records)
    {
        var cancellationToken = context.RequestAborted;
        var (request, stored, refusal) = await RequestAsync(context, db);
        if (refusal is not null)
        {
            return refusal;
        }

        var actor = RecordActors.From(context.User);
        await using var reader = await records.OpenReaderAsync(entity, actor, cancellationToken);
        if (reader is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no entity '{entity}'.");
        }

        try
        {
            var table = Read(files, stored!);

            var mapping = ImportMapping.For(reader.Entity, table.Headings, request!.Mapping);
            var rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader), PreviewRows, cancellationToken);
            foreach (var row in rows.Where(r => r.Errors.Count == 0))
            {
                // The record service's own checks and rules (required fields, ranges, validations) for rows whose cells all read.
                var preview = await records.PreviewAsync(entity, null, row.Values, actor, cancellationToken);
                row.Errors.AddRange(preview?.Errors.Select(e => new ImportError(row.Number, mapping.Columns.FirstOrDefault(c => c.Field.Name == e.Field).Heading, e.Field, e.Message)) ?? []);
            }

            var culture = CultureInfo.CurrentUICulture.Name;
            return Results.Ok(new
            {
                totalRows = table.Rows.Count,
                columns = mapping.Columns.Select(c => new { heading = c.Heading, field = c.Field.Name, label = c.Field.Label.For(culture) }),
                ignored = mapping.Ignored,
                missingRequired = mapping.MissingRequired.Select(f => new { field = f.Name, label = f.Label.For(culture) }),
                warnings = table.Warnings,
                rows = rows.Select(r => new { row = r.Number, values = r.Values, errors = r.Errors.Select(e => new { e.Heading, e.Field, e.Message }) }),
            });
        }
        catch (ImportFileException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }
    }

    private static async Task<IResult> Start(string entity, HttpContext context, PlatformDbContext db, FileStore files, RecordStore records, ImportJobs jobs, IServiceScopeFactory scopes)
    {
        var cancellationToken = context.RequestAborted;
        var (request, stored, refusal) = await RequestAsync(context, db);
        if (refusal is not null)
        {
            return refusal;
        }

        if (!Enum.TryParse<ImportMode>(request!.Mode ?? "insert", ignoreCase: true, out var mode) || int.TryParse(request.Mode, out _)
            || request.OnError is not (null or "rollback" or "skip"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "mode is insert, update or upsert; onError is rollback (all or nothing) or skip (keep the good rows).");
        }

        var actor = RecordActors.From(context.User);
        await using var reader = await records.OpenReaderAsync(entity, actor, cancellationToken);
        if (reader is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no entity '{entity}'.");
        }

        try
        {
            var table = Read(files, stored!);
            var mapping = ImportMapping.For(reader.Entity, table.Headings, request.Mapping);
            var key = request.Key ?? [];
            if (KeyProblem(reader.Entity, mapping, key, mode) is { } problem)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: problem);
            }

            var rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader), null, cancellationToken);
            var job = jobs.Add(new ImportJob(Guid.CreateVersion7(), reader.Entity.Name, actor.UserId, rows.Count, request.OnError == "skip"));
            var entityDefinition = reader.Entity;
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            _ = Task.Run(async () =>
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
                await using var scope = scopes.CreateAsyncScope();
                var services = scope.ServiceProvider;
                try
                {
                    await new ImportRunner(services.GetRequiredService<PlatformDbContext>(), services.GetRequiredService<RecordStore>(), actor,
                        services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer>()).RunAsync(job, entityDefinition, rows, key, mode, CancellationToken.None);
                }
                catch (Exception e)
                {
                    services.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Entities.Import").LogError(e, "Import {Job} of {Entity} failed.", job.Id, job.Entity);
                    (job.Status, job.Message) = ("failed", "The import stopped on an unexpected error; all-or-nothing imports kept nothing. See the server log.");
                }
            }, CancellationToken.None);
            return Results.Accepted($"/api/import/jobs/{job.Id}", Describe(job));
        }
        catch (ImportFileException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }
    }

    private static IResult Job(Guid id, HttpContext context, ImportJobs jobs) =>
        jobs.Find(id) is { } job && job.StartedBy == RecordActors.From(context.User).UserId
            ? Results.Ok(Describe(job))
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such import.");

    private static async Task<IResult> ErrorReport(Guid id, HttpContext context, ImportJobs jobs)
    {
        if (jobs.Find(id) is not { } job || job.StartedBy != RecordActors.From(context.User).UserId)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such import.");
        }

        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=import-{job.Entity}-errors.csv";
        await using var writer = new Export.CsvExportWriter(context.Response.Body);
        var zh = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";
        await writer.WriteHeadingsAsync(zh ? ["行", "问题"] : ["Row", "Problems"], context.RequestAborted);
        foreach (var row in job.Errors.GroupBy(e => e.Row))
        {
            await writer.WriteRowAsync([row.Key, string.Join("; ", row.Select(e => (e.Heading ?? e.Field) is { } column ? $"{column}: {e.Message}" : e.Message))], context.RequestAborted);
        }

        await writer.CompleteAsync(context.RequestAborted);
        return Results.Empty;
    }

    private static object Describe(ImportJob job) => new
    {
        id = job.Id, entity = job.Entity, status = job.Status, message = job.Message, total = job.Total, processed = job.Processed,
        inserted = job.Inserted, updated = job.Updated, failedRows = job.FailedRows, skipBadRows = job.SkipBadRows,
        errors = job.Errors.Take(200).Select(e => new { e.Row, e.Heading, e.Field, e.Message }),
    };

    /// <summary>The key must be mapped fields, its first a text (a code, a name), and update/upsert need one.</summary>
    private static string? KeyProblem(Core.Metadata.EntityDefinition entity, ImportMapping mapping, List<string> key, ImportMode mode)
    {
        if (key.Count == 0)
        {
            return mode == ImportMode.Insert ? null : "update and upsert need a key: the field or fields (e.g. code, or code + name + spec) that find the existing record.";
        }

        foreach (var name in key)
        {
            if (entity.LiveField(name) is null)
            {
                return $"The key field '{name}' is no field of {entity.Name}.";
            }

            if (mapping.Columns.All(c => c.Field.Name != name))
            {
                return $"No column of the file fills the key field '{name}'.";
            }
        }

        var textTypes = new[] { "text", "autoNumber", "email", "phone", "choice" };
        return textTypes.Contains(entity.LiveField(key[0])!.Type) ? null : $"The key's first field '{key[0]}' must be a text field such as a code or a name.";
    }

    private static async Task<(ImportRequest? Request, Data.Files.StoredFile? File, IResult? Refusal)> RequestAsync(HttpContext context, PlatformDbContext db)
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

        var stored = request is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == request.File && f.RecordId == null, context.RequestAborted);
        return stored is null || stored.UploadedBy != context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            ? (null, null, Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such uploaded file: upload the spreadsheet to /api/files first."))
            : (request, stored, null);
    }

    private static ImportTable Read(FileStore files, Data.Files.StoredFile stored)
    {
        using var content = files.Open(stored);
        return ImportFile.Read(content, stored.Name);
    }
}
