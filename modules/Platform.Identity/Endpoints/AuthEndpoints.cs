using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Security;
using Platform.Core.Security;
using Platform.Web.Security;

namespace Platform.Identity.Endpoints;

public static class AuthEndpoints
{
    public static void MapAuthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var auth = endpoints.MapGroup("/api/auth").WithTags("Authentication");
        auth.MapPost("/token", IssueToken).AllowAnonymous().WithName("IssueToken")
            .WithSummary("Exchanges {userName, password} for a bearer token accepted by every API.");
        auth.MapGet("/me", GetCurrentUser).WithName("GetCurrentUser").WithSummary("The signed-in user, roles and permissions.");
        endpoints.MapPost(AccountPaths.SignOut, SignOut).WithName("SignOut").ExcludeFromDescription();
    }

    private static async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> IssueToken(
        HttpRequest request, IPasswordCheck passwords, IApiTokens tokens, TimeProvider clock)
    {
        TokenRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<TokenRequest>(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return BadRequest($"The body must be a JSON object {{\"userName\": \"…\", \"password\": \"…\"}} sent as application/json. {e.Message}");
        }

        if (body is null || string.IsNullOrWhiteSpace(body.UserName) || string.IsNullOrEmpty(body.Password))
        {
            return BadRequest("Both userName and password are required.");
        }

        var result = await passwords.CheckAsync(body.UserName, body.Password, request.HttpContext.RequestAborted);
        if (result.LockedOut)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "The account is locked after too many failed sign-ins. Try again later or ask an administrator.");
        }

        if (result.User is not { } user)
        {
            return InvalidCredentials();
        }

        var expiresAt = clock.GetUtcNow() + IApiTokens.SignInTokenLifetime;
        var issued = await tokens.IssueAsync(user.Id, ApiTokenKind.SignIn, "sign-in", expiresAt, request.HttpContext.RequestAborted);
        return TypedResults.Ok(new TokenResponse(issued.Secret, "Bearer", expiresAt));
    }

    private static Ok<CurrentUser> GetCurrentUser(ClaimsPrincipal user) =>
        TypedResults.Ok(new CurrentUser(
            user.FindFirstValue(ClaimTypes.NameIdentifier)!,
            user.Identity!.Name!,
            user.FindFirstValue(PlatformClaimTypes.DisplayName),
            user.FindFirstValue(PlatformClaimTypes.Department),
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
            user.FindAll(PlatformClaimTypes.Permission).Select(c => c.Value).Distinct().ToList()));

    private static async Task<RedirectHttpResult> SignOut(SignInManager<PlatformUser> signIn, [FromForm] string? returnUrl)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect(AccountPaths.SignIn);
    }

    private static ProblemHttpResult InvalidCredentials() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid user name or password.");

    private static ProblemHttpResult BadRequest(string message) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: message);

    public sealed record TokenRequest(string? UserName, string? Password);

    public sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt);

    public sealed record CurrentUser(string Id, string UserName, string? DisplayName, string? DepartmentId, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);
}
