using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData;
using Microsoft.OData.Edm.Csdl;
using Microsoft.OData.UriParser;
using Platform.RecordApi.OData;
using Platform.Records;
using Platform.Records.Query;
using Platform.Web.Endpoints;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

/// <summary>
/// The OData v4 data API at <c>/odata</c>: <c>$metadata</c> from the entity definitions, one entity
/// set per entity, and queries translated to SQL. Excel Power Query and other OData clients read it as is.
/// </summary>
public static class ODataEndpoints
{
    public static void MapODataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var odata = endpoints.MapGroup("/odata").WithTags("OData");
        odata.MapGet("/", ServiceDocument).WithName("ODataServiceDocument").WithSummary("The entity sets.");
        odata.MapGet("/$metadata", Metadata).WithName("ODataMetadata").WithSummary("The CSDL description of every entity.");
        odata.MapGet("/{**path}", Query).WithName("ODataQuery").WithSummary("Records of an entity set: $filter, $orderby, $top, $skip, $count, $select, $expand; or grouped and aggregated with $apply.")
            .ExcludeFromDescription(); // the API document describes each entity's path instead (OpenApi/EntityOperations)
    }

    private static async Task ServiceDocument(HttpContext context, ISchemaManager schemas)
    {
        var schema = await schemas.LoadSchemaAsync(context.RequestAborted);
        var page = new RecordPage(schema.Entities.Select(e => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["name"] = e.Name, ["kind"] = "EntitySet", ["url"] = e.Name,
        }).ToList(), null, null);
        await ODataJson.WritePageAsync(context.Response, $"{ODataAddress.ServiceRoot(context.Request)}$metadata", page, null);
    }

    private static async Task Metadata(HttpContext context, ISchemaManager schemas)
    {
        var model = EdmModelFactory.For(await schemas.LoadSchemaAsync(context.RequestAborted));
        context.Response.ContentType = "application/xml; charset=utf-8";
        context.Response.Headers["OData-Version"] = "4.0";
        await using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true }))
        {
            if (!CsdlWriter.TryWriteCsdl(model, xml, CsdlTarget.OData, out var errors))
            {
                throw new InvalidOperationException($"The OData model is invalid: {string.Join("; ", errors)}");
            }
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private static async Task Query(HttpContext context, IRecordStore records)
    {
        var request = context.Request;
        var setName = request.Path.Value!["/odata/".Length..].Split('(', 2)[0];
        await using var reader = await records.OpenReaderAsync(Uri.UnescapeDataString(setName), Actors.From(context.User), context.RequestAborted);
        if (reader is null)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, "NotFound", $"There is no entity set '{Uri.UnescapeDataString(setName)}'.", null);
            return;
        }

        if (reader.Forbidden)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status403Forbidden, "Forbidden", $"Your roles do not allow reading {reader.Entity.Name} records.", null);
            return;
        }

        var serviceRoot = ODataAddress.ServiceRoot(request);
        var parser = new ODataUriParser(EdmModelFactory.For(reader.Schema), new Uri(serviceRoot), new Uri($"{serviceRoot}{request.Path.Value!["/odata/".Length..]}{request.QueryString}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
        try
        {
            if (Unsupported.FirstOrDefault(o => request.Query.ContainsKey(o)) is { } option)
            {
                // Answered, never ignored: a client that asked for an aggregate must not take a page of records for one.
                await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status501NotImplemented, "NotImplemented", $"{option} is not supported yet; nothing was queried.", option);
                return;
            }

            var path = parser.ParsePath();
            if (path.Count > 2 || path.Count == 2 && path.LastSegment is not KeySegment)
            {
                await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest",
                    $"Only /odata/{reader.Entity.Name} and /odata/{reader.Entity.Name}({{id}}) can be read; ask for a field with $select and for a related record with $expand.", null);
                return;
            }

            if (path.LastSegment is KeySegment key)
            {
                await SingleAsync(context, reader, parser, serviceRoot, (Guid)key.Keys.Single().Value);
                return;
            }

            if (request.Query.ContainsKey("$apply"))
            {
                await ApplyAsync(context, reader, parser, serviceRoot);
                return;
            }

            var page = await new RecordQuery(reader, parser).RunAsync(context.RequestAborted);
            var next = page.NextSkip is { } skip ? $"{serviceRoot}{reader.Entity.Name}?{WithSkip(request, skip)}" : null;
            await ODataJson.WritePageAsync(context.Response, $"{serviceRoot}$metadata#{reader.Entity.Name}", page, next);
        }
        catch (ODataQueryException e)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest", e.Message, e.Target);
        }
        catch (ODataException e)
        {
            var target = TargetOf(request);
            var message = target is null ? e.Message : $"{e.Message} ({target}={request.Query[target]})";
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status400BadRequest, "BadRequest", message, target);
        }
    }

    /// <summary><c>$apply</c>: grouped and aggregated in the database; other options alongside it are refused, never ignored.</summary>
    private static async Task ApplyAsync(HttpContext context, IRecordReader reader, ODataUriParser parser, string serviceRoot)
    {
        if (QueryOptions.FirstOrDefault(o => context.Request.Query.ContainsKey(o)) is { } other)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status501NotImplemented, "NotImplemented", $"{other} together with $apply is not supported yet; nothing was queried.", other);
            return;
        }

        parser.ParseApply(); // the standard's syntax first: an aggregate that does not parse is told as OData says
        var page = await ApplyQuery.RunAsync(reader, context.Request.Query["$apply"].ToString(), context.RequestAborted);
        var shape = page.Rows.Count > 0 ? $"({string.Join(",", page.Rows[0].Keys)})" : "";
        await ODataJson.WritePageAsync(context.Response, $"{serviceRoot}$metadata#{reader.Entity.Name}{shape}", page, null);
    }

    private static async Task SingleAsync(HttpContext context, IRecordReader reader, ODataUriParser parser, string serviceRoot, Guid id)
    {
        var page = await new RecordQuery(reader, parser).RunAsync(context.RequestAborted, key: id);
        if (page.Rows.Count == 0)
        {
            await ODataJson.WriteErrorAsync(context.Response, StatusCodes.Status404NotFound, "NotFound", $"There is no {reader.Entity.Name} with id {id}.", null);
            return;
        }

        var record = page.Rows[0];
        var etag = record.ContainsKey(Core.Metadata.SystemFields.RowVersion) ? ODataWriteEndpoints.ETag(record) : null;
        if (etag is not null)
        {
            context.Response.Headers.ETag = etag;
        }

        await ODataJson.WriteEntityAsync(context.Response, $"{serviceRoot}$metadata#{reader.Entity.Name}/$entity", record, etag);
    }

    private static string WithSkip(HttpRequest request, long skip)
    {
        var query = request.Query.Where(q => q.Key != "$skip").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append($"$skip={skip}");
        return string.Join("&", query);
    }

    /// <summary>The query option most likely at fault when the parser gives no position.</summary>
    private static readonly string[] Unsupported = ["$search", "$compute"];

    private static string? TargetOf(HttpRequest request) => QueryOptions.FirstOrDefault(o => request.Query.ContainsKey(o));

    private static readonly string[] QueryOptions = ["$filter", "$orderby", "$select", "$top", "$skip", "$count", "$expand"];
}
