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
using Platform.Records.Query;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.DataTransfer.Endpoints;

/// <summary>
/// <c>/api/export/{entity}</c>: a list as it is shown — its filter, order and columns as OData options —
/// downloaded as .xlsx (default) or .csv, with headings and values in the reader's language.
/// </summary>
public static class ExportEndpoints
{
    public static void MapExportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var export = endpoints.MapGroup("/api/export").WithTags("Export").RequireAuthorization();
        export.MapGet("/{entity}", Export).WithName("ExportRecords")
            .WithSummary("Records as .xlsx or .csv: ?format=xlsx|csv&$filter=…&$orderby=…&$select=… (columns in $select order).");
    }

    private static async Task<IResult> Export(string entity, string? format, HttpContext context, IRecordStore records, IStringLocalizer text)
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
