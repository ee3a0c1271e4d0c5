using Platform.Records.Query.Spreadsheets;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Microsoft.OData;
using Platform.DataTransfer.Export;
using Platform.Records;
using Platform.Records.Exporting;
using Platform.Records.Files;
using Platform.Records.Query;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.DataTransfer.Endpoints;

/// <summary>
/// <c>/api/export/{entity}</c>: a list as it is shown — its filter, order and columns as OData options —
/// downloaded as .xlsx (default) or .csv, with headings and values in the reader's language. A list longer than
/// <see cref="ExportSettings.DirectRows"/> (or any, with <c>?background=true</c>) is written in the background instead:
/// the answer is 202 with where to follow it. <c>/api/exports</c>: those background exports — start one (a list or a saved
/// report), follow it, download its file.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var export = endpoints.MapGroup("/api/export").WithTags("Export").RequireAuthorization();
        export.MapGet("/{entity}", Export).WithName("ExportRecords")
            .WithSummary("Records as .xlsx or .csv: ?format=xlsx|csv&$filter=…&$orderby=…&$select=… (columns in $select order). "
                + "More rows than Platform:Exports:DirectRows, or ?background=true: 202 Accepted, written in the background (see /api/exports/{id}).");
        var exports = endpoints.MapGroup("/api/exports").WithTags("Export").RequireAuthorization();
        exports.MapPost("/", StartAsync).WithName("StartExport")
            .WithSummary("Writes an export in the background: { source: records|report, subject: entity or report id, format: xlsx|csv, options: { $filter, $orderby, $select, range } }.");
        exports.MapGet("/", LatestAsync).WithName("ListExports").WithSummary("The caller's newest exports, each with its state, progress and file while it is kept.");
        exports.MapGet("/{id:guid}", FindAsync).WithName("GetExport").WithSummary("One of the caller's exports: queued, running (rows done of total), completed or failed.");
        exports.MapGet("/{id:guid}/file", FileAsync).WithName("DownloadExport").WithSummary("The finished file of one of the caller's exports (410 once it has expired).");
    }

    /// <summary>What a background export is asked with.</summary>
    public sealed class StartRequest
    {
        public string? Source { get; set; }

        public string? Subject { get; set; }

        public string? Format { get; set; }

        public Dictionary<string, string>? Options { get; set; }
    }

    private static async Task<IResult> StartAsync(HttpContext context, ExportService exports, IStringLocalizer text)
    {
        StartRequest? request;
        try
        {
            request = await context.Request.ReadFromJsonAsync<StartRequest>(context.RequestAborted);
        }
        catch (System.Text.Json.JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["DataTransfer.Export.Error.Body", e.Message]);
        }

        if (request is not { Source: { Length: > 0 } source, Subject: { Length: > 0 } subject })
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["DataTransfer.Export.Error.Missing"]);
        }

        return await QueueAsync(new ExportRequest(source, subject, request.Options ?? [], request.Format ?? "xlsx"), context, exports);
    }

    private static async Task<IResult> QueueAsync(ExportRequest request, HttpContext context, ExportService exports)
    {
        try
        {
            var status = await exports.StartAsync(request, Actors.From(context.User), context.RequestAborted);
            return TypedResults.Accepted($"/api/exports/{status.Id}", status);
        }
        catch (ExportRefusedException refused)
        {
            var code = refused.NotFound ? StatusCodes.Status404NotFound : refused.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
            return Results.Problem(statusCode: code, title: refused.Message);
        }
    }

    private static async Task<IResult> LatestAsync(HttpContext context, ExportService exports) =>
        TypedResults.Ok(await exports.LatestAsync(Actors.From(context.User).UserId, cancellationToken: context.RequestAborted));

    private static async Task<IResult> FindAsync(Guid id, HttpContext context, ExportService exports, IStringLocalizer text) =>
        await exports.FindAsync(id, Actors.From(context.User).UserId, context.RequestAborted) is { } status
            ? TypedResults.Ok(status)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: text["DataTransfer.Export.Error.NoExport"]);

    private static async Task<IResult> FileAsync(Guid id, HttpContext context, ExportService exports, IFileStore files, IStringLocalizer text)
    {
        var userId = Actors.From(context.User).UserId;
        if (await exports.FileAsync(id, userId, context.RequestAborted) is { } found)
        {
            return TypedResults.Stream(await files.OpenAsync(found.File, context.RequestAborted), found.File.ContentType, found.File.Name, enableRangeProcessing: true);
        }

        return await exports.FindAsync(id, userId, context.RequestAborted) switch
        {
            null => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: text["DataTransfer.Export.Error.NoExport"]),
            { Expired: true } => Results.Problem(statusCode: StatusCodes.Status410Gone, title: text["DataTransfer.Export.Error.Expired"]),
            _ => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: text["DataTransfer.Export.Error.NotReady"]),
        };
    }

    private static async Task<IResult> Export(string entity, string? format, bool? background, HttpContext context, IRecordStore records, ExportService exports, IStringLocalizer text)
    {
        var cancellationToken = context.RequestAborted;
        format = (format ?? "xlsx").ToLowerInvariant();
        if (format is not ("xlsx" or "csv"))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: text["DataTransfer.Export.Error.Format", format]);
        }

        await using var reader = await records.OpenReaderAsync(entity, Actors.From(context.User), cancellationToken);
        if (reader is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: text["DataTransfer.Import.Error.NoSuchEntity", entity]);
        }

        if (reader.Forbidden)
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: text["DataTransfer.Export.Forbidden"]);
        }

        var culture = CultureInfo.CurrentUICulture;
        var options = context.Request.Query.Where(q => q.Key.StartsWith('$')).ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        RecordExport export;
        try
        {
            export = new RecordExport(reader, ODataAddress.ServiceRoot(context.Request), options, culture);
            var count = await export.CountAsync(cancellationToken);
            if (count > RecordExport.MaxRows)
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest,
                    title: text["DataTransfer.Export.Error.TooMany", count, RecordExport.MaxRows]);
            }

            if (background == true || count > exports.DirectRows)
            {
                return await QueueAsync(new ExportRequest(RecordExportSource.SourceName, entity, options, format), context, exports);
            }
        }
        catch (ODataQueryException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }
        catch (ODataException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: e.Message);
        }

        var name = reader.Entity.PluralLabel.IsBlank ? reader.Entity.Name : reader.Entity.PluralLabel.For(culture.Name);
        await using IExportWriter writer = format == "csv" ? new CsvExportWriter(context.Response.Body) : new XlsxExportWriter(context.Response.Body, name);
        context.Response.ContentType = writer.ContentType;
        var file = $"{name}-{DateTime.UtcNow:yyyyMMdd-HHmm}.{writer.Extension}";
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = file, FileName = $"{reader.Entity.Name}.{writer.Extension}" }.ToString();
        await export.WriteAsync(writer, cancellationToken);
        return Results.Empty;
    }
}
