using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Data.Records;

namespace Platform.Entities.Endpoints;

public static class AuditEndpoints
{
    /// <summary>The audit trail: every change of a record, or of an entity's records, oldest first.</summary>
    public static void MapAuditEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/api/audit").WithTags("Audit");
        audit.MapGet("/{entity}", EntityTrail).WithName("GetEntityAuditTrail").WithSummary("Changes of all records of an entity (newest 1000 unless ?top=).");
        audit.MapGet("/{entity}/{id:guid}", RecordTrail).WithName("GetRecordAuditTrail").WithSummary("Every change of one record: who, when, field, old and new value.");
    }

    private static async Task<Results<Ok<List<AuditEntry>>, NotFound>> RecordTrail(string entity, Guid id, RecordStore records, SchemaManager schemas, CancellationToken cancellationToken) =>
        (await schemas.LoadSchemaAsync(cancellationToken)).Find(entity) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await records.AuditTrailAsync(entity, id, cancellationToken));

    private static async Task<Results<Ok<List<AuditEntry>>, NotFound>> EntityTrail(string entity, int? top, RecordStore records, SchemaManager schemas, CancellationToken cancellationToken)
    {
        if ((await schemas.LoadSchemaAsync(cancellationToken)).Find(entity) is null)
        {
            return TypedResults.NotFound();
        }

        var all = await records.AuditTrailAsync(entity, null, cancellationToken);
        return TypedResults.Ok(all.TakeLast(Math.Clamp(top ?? 1000, 1, 10_000)).ToList());
    }
}
