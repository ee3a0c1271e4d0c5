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
    }

    public sealed record ImportRequest(Guid File, Dictionary<string, string>? Mapping);

    private static async Task<IResult> Preview(string entity, HttpContext context, PlatformDbContext db, FileStore files, RecordStore records)
    {
        var cancellationToken = context.RequestAborted;
        ImportRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<ImportRequest>(context.Request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"The body is not {{ file, mapping }}: {e.Message}");
        }

        var actor = RecordActors.From(context.User);
        var stored = request is null ? null : await db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == request.File && f.RecordId == null, cancellationToken);
        if (stored is null || stored.UploadedBy != context.User.FindFirstValue(ClaimTypes.NameIdentifier))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "There is no such uploaded file: upload the spreadsheet to /api/files first.");
        }

        await using var reader = await records.OpenReaderAsync(entity, actor, cancellationToken);
        if (reader is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"There is no entity '{entity}'.");
        }

        try
        {
            ImportTable table;
            await using (var content = files.Open(stored))
            {
                table = ImportFile.Read(content, stored.Name);
            }

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
}
