using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Identity.Endpoints;

public static class ApiTokenEndpoints
{
    public const int MaxLifetimeDays = 3650;

    public static void MapApiTokenEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var mine = endpoints.MapGroup("/api/account/api-tokens").WithTags("API tokens");
        mine.MapGet("/", ListMine).WithName("ListMyApiTokens").WithSummary("My personal API tokens (secrets are never returned).");
        mine.MapPost("/", CreateMine).WithName("CreateApiToken").WithSummary("Creates a personal token; the secret is in this response only.");
        mine.MapDelete("/{id}", RevokeMine).WithName("RevokeMyApiToken").WithSummary("Revokes one of my tokens.");

        var all = endpoints.MapGroup("/api/admin/api-tokens").WithTags("API tokens").RequireAuthorization(Permissions.ManageApiTokens);
        all.MapGet("/", ListAll).WithName("ListApiTokens").WithSummary("Every user's personal tokens.");
        all.MapDelete("/{id}", RevokeAny).WithName("RevokeApiToken").WithSummary("Revokes any user's token.");
    }

    private static async Task<Ok<List<ApiTokenInfo>>> ListMine(ClaimsPrincipal user, IApiTokens tokens) =>
        TypedResults.Ok((await tokens.ListAsync(UserId(user))).Select(ApiTokenInfo.Of).ToList());

    private static async Task<Results<Created<CreatedApiToken>, ProblemHttpResult>> CreateMine(CreateApiTokenRequest? request, ClaimsPrincipal user, IApiTokens tokens, TimeProvider clock)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A name of 1 to 200 characters is required.");
        }

        if (request.ExpiresInDays is < 1 or > MaxLifetimeDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"expiresInDays must be between 1 and {MaxLifetimeDays}, or omitted for no expiry.");
        }

        var expiresAt = request.ExpiresInDays is { } days ? clock.GetUtcNow().AddDays(days) : (DateTimeOffset?)null;
        var issued = await tokens.IssueAsync(UserId(user), ApiTokenKind.Personal, request.Name.Trim(), expiresAt);
        return TypedResults.Created($"/api/account/api-tokens/{issued.Token.Id}", new CreatedApiToken(ApiTokenInfo.Of(issued.Token), issued.Secret));
    }

    private static async Task<Results<NoContent, NotFound>> RevokeMine(string id, ClaimsPrincipal user, IApiTokens tokens) =>
        await tokens.RevokeAsync(id, user.Identity!.Name!, UserId(user)) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Ok<List<ApiTokenInfo>>> ListAll(IApiTokens tokens) =>
        TypedResults.Ok((await tokens.ListAsync(null)).Select(ApiTokenInfo.Of).ToList());

    private static async Task<Results<NoContent, NotFound>> RevokeAny(string id, ClaimsPrincipal user, IApiTokens tokens) =>
        await tokens.RevokeAsync(id, user.Identity!.Name!, ownerId: null) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public sealed record CreateApiTokenRequest(string? Name, int? ExpiresInDays);

    public sealed record CreatedApiToken(ApiTokenInfo Token, string Secret);

    public sealed record ApiTokenInfo(string Id, string Name, string Prefix, string UserName, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
    {
        public static ApiTokenInfo Of(ApiToken t) => new(t.Id, t.Name, t.Prefix, t.User?.UserName ?? t.UserId, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt);
    }
}
