using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Records;
using Platform.Web.Security;

namespace Platform.RecordApi.Endpoints;

public static class AuditEndpoints
{
    /// <summary>The audit trail: every change of a record, or of an entity's records, oldest first.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/{entity}", EntityTrail).WithName("GetEntityAuditTrail").WithSummary("Changes of all records of an entity (newest 1000 unless ?top=).");
        audit.MapGet("/{entity}/{id:guid}", RecordTrail).WithName("GetRecordAuditTrail").WithSummary("Every change of one record: who, when, field, old and new value.");
    }

    private static async Task<Results<Ok<List<AuditEntry>>, NotFound, ForbidHttpResult>> RecordTrail(string entity, Guid id, HttpContext context, IRecordStore records, CancellationToken cancellationToken)
    {
        // The trail of a record is as visible as the record (the recycle bin included).
        var actor = Actors.From(context.User);
        var record = await records.GetAsync(entity, id, includeDeleted: true, actor, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Ok(await records.AuditTrailAsync(entity, id, actor, cancellationToken));
    }

    private static async Task<Results<Ok<List<AuditEntry>>, NotFound, ForbidHttpResult>> EntityTrail(string entity, int? top, HttpContext context, IRecordStore records, CancellationToken cancellationToken)
    {
        var actor = Actors.From(context.User);
        await using var reader = await records.OpenReaderAsync(entity, actor, cancellationToken);
        if (reader is null)
        {
            return TypedResults.NotFound();
        }

        // Changes of all records: for those who may read all of them.
        if (reader.Scope != Core.Records.RecordScope.All)
        {
            return TypedResults.Forbid();
        }

        var all = await records.AuditTrailAsync(entity, null, actor, cancellationToken);
        return TypedResults.Ok(all.TakeLast(Math.Clamp(top ?? 1000, 1, 10_000)).ToList());
    }
}
