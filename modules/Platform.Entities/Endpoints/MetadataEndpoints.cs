using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Web.Endpoints;

namespace Platform.Entities.Endpoints;

public static class MetadataEndpoints
{
    /// <summary>Metadata documents are small; a larger body is refused before it is read.</summary>
    public const long MaxDocumentBytes = 1024 * 1024;

    public static void MapMetadataEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var entities = endpoints.MapGroup("/api/metadata/entities").WithTags("Metadata");
        entities.MapGet("/", ListEntities).WithName("ListEntities").WithSummary("Every entity definition.");
        entities.MapGet("/{name}", GetEntity).WithName("GetEntity").WithSummary("One entity definition.");
        entities.MapGet("/{name}/history", GetHistory).WithName("GetEntityHistory").WithSummary("Every applied change: who, when, before, after, SQL.")
            .RequireAuthorization(Permissions.ManageMetadata);
        entities.MapPut("/{name}", PutEntity).WithName("PutEntity")
            .WithSummary("Creates or changes an entity from its definition document; ?dryRun=true only reports the SQL.")
            .RequireAuthorization(Permissions.ManageMetadata)
            .WithMetadata(new RequestSizeLimitAttribute(MaxDocumentBytes));
        entities.MapDelete("/{name}", DeleteEntity).WithName("DeleteEntity")
            .WithSummary("Deletes an entity without records and its table; ?dryRun=true only reports the SQL.")
            .RequireAuthorization(Permissions.ManageMetadata);
        entities.MapPost("/{name}/fields/{field}/purge", PurgeField).WithName("PurgeField")
            .WithSummary("Drops the column and data of a removed field; ?dryRun=true only reports the SQL.")
            .RequireAuthorization(Permissions.ManageMetadata);
    }

    private static async Task<IResult> DeleteEntity(string name, bool? dryRun, ClaimsPrincipal user, ISchemaManager schema, CancellationToken cancellationToken)
    {
        var result = await schema.DeleteEntityAsync(name, user.Identity!.Name!, dryRun == true, cancellationToken);
        if (!result.Succeeded)
        {
            return result.Errors[0].Message.StartsWith("There is no entity", StringComparison.Ordinal) ? TypedResults.NotFound() : Invalid(result.Errors);
        }

        return result.Applied ? TypedResults.NoContent() : TypedResults.Ok(new EntityChange(result.Definition!, result.Version, result.Sql, result.Applied, result.RowsAffected));
    }

    private static async Task<IResult> PurgeField(string name, string field, bool? dryRun, ClaimsPrincipal user, ISchemaManager schema, CancellationToken cancellationToken)
    {
        var result = await schema.PurgeFieldAsync(name, field, user.Identity!.Name!, dryRun == true, cancellationToken);
        return result.Succeeded
            ? TypedResults.Ok(new EntityChange(result.Definition!, result.Version, result.Sql, result.Applied, result.RowsAffected))
            : Invalid(result.Errors);
    }

    private static async Task<Ok<IReadOnlyList<EntityDefinition>>> ListEntities(ISchemaManager schema, CancellationToken cancellationToken) =>
        TypedResults.Ok((await schema.LoadSchemaAsync(cancellationToken)).Entities);

    private static async Task<Results<Ok<EntityDefinition>, NotFound>> GetEntity(string name, ISchemaManager schema, CancellationToken cancellationToken) =>
        (await schema.LoadSchemaAsync(cancellationToken)).Find(name) is { } entity ? TypedResults.Ok(entity) : TypedResults.NotFound();

    private static async Task<Results<Ok<List<SchemaChange>>, NotFound>> GetHistory(string name, ISchemaManager schema, CancellationToken cancellationToken)
    {
        var history = await schema.HistoryAsync(name, cancellationToken);
        return history.Count == 0 ? TypedResults.NotFound() : TypedResults.Ok(history);
    }

    private static async Task<IResult> PutEntity(string name, bool? dryRun, HttpRequest request, ClaimsPrincipal user, ISchemaManager schema, CancellationToken cancellationToken)
    {
        if (await RequestBody.ReadAtMostAsync(request, MaxDocumentBytes, cancellationToken) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
                title: $"An entity document has at most {MaxDocumentBytes / 1024} KB; nothing was changed.");
        }

        EntityDefinition? document;
        try
        {
            document = JsonSerializer.Deserialize<EntityDefinition>(body.Span, MetadataJson.Options);
        }
        catch (JsonException e)
        {
            return Invalid([new MetadataError(e.Path ?? "$", $"Not a valid entity document (line {(e.LineNumber ?? 0) + 1}): {FirstSentence(e.Message)}")]);
        }

        if (document is null)
        {
            return Invalid([new MetadataError("$", "The body must be an entity definition object.")]);
        }

        document.Name = string.IsNullOrEmpty(document.Name) ? name : document.Name;
        // A document sent to an existing entity's address under another name renames that entity
        // (its table and records stay); anywhere else the names must agree.
        var renaming = !string.Equals(document.Name, name, StringComparison.OrdinalIgnoreCase)
            && (await schema.LoadSchemaAsync(cancellationToken)).Find(name) is not null;
        if (!renaming && !string.Equals(document.Name, name, StringComparison.OrdinalIgnoreCase))
        {
            return Invalid([new MetadataError("$.name", $"The document names '{document.Name}' but the address names '{name}'.")]);
        }

        var result = await schema.ApplyAsync(document, user.Identity!.Name!, dryRun == true, cancellationToken: cancellationToken, renames: renaming ? name : null);
        if (!result.Succeeded)
        {
            return Invalid(result.Errors);
        }

        var change = new EntityChange(result.Definition!, result.Version, result.Sql, result.Applied, result.RowsAffected, result.Summary);
        return result.Version == 1 && result.Applied
            ? TypedResults.Created($"/api/metadata/entities/{result.Definition!.Name}", change)
            : TypedResults.Ok(change);
    }

    private static ProblemHttpResult Invalid(IReadOnlyList<MetadataError> errors) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: errors.Count == 1 ? $"{errors[0].Path}: {errors[0].Message}" : $"The definition has {errors.Count} problems.",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0];

    /// <summary>What a PUT did or, in a dry run, would do: the SQL, and how many records the changed table holds.</summary>
    public sealed record EntityChange(EntityDefinition Definition, int Version, IReadOnlyList<string> Sql, bool Applied, long RowsAffected, IReadOnlyList<string>? Summary = null);
}
