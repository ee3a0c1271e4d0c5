using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Platform.OcrCapture.Records;
using Platform.Records.Ocr;
using Platform.Records.Query.Spreadsheets;
using Platform.Web.Security;

namespace Platform.OcrCapture.Endpoints;

/// <summary>
/// Confirmed sheets into records and files: <c>POST …/records</c> makes the records (as the signed-in user, with that
/// user's record permissions), <c>GET …/export</c> the order lines as .xlsx or .csv, <c>GET …/summary</c> the totals per
/// style, colour and size (JSON, or a file with <c>?format=</c>).
/// </summary>
public static class SheetRecordEndpoints
{
    public static void MapSheetRecordEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var batch = endpoints.MapGroup("/api/ocr/batches/{id:guid}").WithTags("OCR capture").RequireAuthorization(Permissions.ReadBatches);
        batch.MapPost("/records", Create).RequireAuthorization(Permissions.MakeRecords).WithName("CreateSheetRecords")
            .WithSummary("Makes every confirmed sheet of the batch a record (one transaction per sheet); answers how many were made, refused, duplicates and still waiting.");
        batch.MapGet("/export", Export).WithName("ExportBatchLines").WithSummary("The confirmed sheets' order lines, header fields repeated: ?format=xlsx (default) or csv.");
        batch.MapGet("/summary", Summary).WithName("GetBatchSummary").WithSummary("Quantities of the confirmed lines per style, colour and size: JSON, or ?format=xlsx|csv.");
    }

    private static async Task<IResult> Create(Guid id, HttpContext context, SheetRecordService sheets, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(await sheets.CreateAsync(id, Actors.From(context.User), cancellationToken));
        }
        catch (CaptureRefusedException e)
        {
            return CaptureProblems.Of(context, e);
        }
    }

    private static async Task<IResult> Export(Guid id, string? format, HttpContext context, BatchExport export, IScanBatchStore store, CancellationToken cancellationToken)
    {
        if (await store.FindBatchAsync(id, cancellationToken) is not { } batch)
        {
            return CaptureProblems.Of(context, new CaptureRefusedException("OcrCapture.Error.NoBatch"));
        }

        try
        {
            // Checked before the first byte is written, so a refusal is still an answer of its own.
            await context.RequestServices.GetRequiredService<SheetRecordService>().MappingAsync(batch, cancellationToken);
        }
        catch (CaptureRefusedException e)
        {
            return CaptureProblems.Of(context, e);
        }

        await using var writer = Writer(format, context, batch.Name);
        await export.WriteLinesAsync(id, writer, CultureInfo.CurrentUICulture, cancellationToken);
        return Results.Empty;
    }

    private static async Task<IResult> Summary(Guid id, string? format, HttpContext context, BatchExport export, CancellationToken cancellationToken)
    {
        BatchSummary summary;
        try
        {
            summary = await export.SummaryAsync(id, CultureInfo.CurrentUICulture, cancellationToken);
        }
        catch (CaptureRefusedException e)
        {
            return CaptureProblems.Of(context, e);
        }

        if (format is null)
        {
            return Results.Ok(summary);
        }

        var name = context.RequestServices.GetRequiredService<IStringLocalizer>()["OcrCapture.Summary.Title"].Value;
        await using var writer = Writer(format, context, name);
        await export.WriteSummaryAsync(summary, writer, cancellationToken);
        return Results.Empty;
    }

    private static IExportWriter Writer(string? format, HttpContext context, string name)
    {
        IExportWriter writer = format == "csv" ? new CsvExportWriter(context.Response.Body) : new XlsxExportWriter(context.Response.Body, name);
        context.Response.ContentType = writer.ContentType;
        context.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = $"{name}.{writer.Extension}", FileName = $"batch.{writer.Extension}",
        }.ToString();
        return writer;
    }

}
