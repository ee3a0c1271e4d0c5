using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary><c>GET /health</c>: anonymous; 200 when the database answers, 503 otherwise.</summary>
    public static void MapHealthEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/health", GetHealth).AllowAnonymous().WithName("Health").WithTags("Platform");

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(PlatformDbContext db, CancellationToken cancellationToken)
    {
        var databaseUp = await db.Database.CanConnectAsync(cancellationToken);
        var report = new HealthReport(databaseUp ? "Healthy" : "Unhealthy", databaseUp);
        return databaseUp ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    public sealed record HealthReport(string Status, bool Database);
}
