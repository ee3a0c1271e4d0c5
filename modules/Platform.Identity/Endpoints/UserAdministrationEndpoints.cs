using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Identity.Models;
using Platform.Identity.Services;

namespace Platform.Identity.Endpoints;

/// <summary>
/// <c>/api/admin/users</c>: the user administration page as an API, for scripts and provisioning —
/// list, read, create and change (PATCH: only the properties sent). The same service, checks and
/// audit trail as the page; passwords are written, never read.
/// </summary>
public static class UserAdministrationEndpoints
{
    private static readonly string[] Properties = ["userName", "displayName", "email", "phoneNumber", "departmentId", "roles", "password", "isLockedOut"];

    public static void MapUserAdministrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/admin/users").WithTags("Administration").RequireAuthorization(Permissions.ManageUsers);
        users.MapGet("/", List).WithName("ListUsers").WithSummary("Every account with department, roles and whether it is locked.");
        users.MapGet("/{id}", Get).WithName("GetUser").WithSummary("One account (never its password).");
        users.MapPost("/", Create).WithName("CreateUser").WithSummary("Creates an account: { userName, password, displayName, email, phoneNumber, departmentId, roles, isLockedOut }.");
        users.MapPatch("/{id}", Change).WithName("ChangeUser").WithSummary("Changes the properties sent; a password sent is set (sessions end within a minute).");
    }

    public sealed record UserView(string Id, string UserName, string DisplayName, string? Email, string? PhoneNumber, string? DepartmentId, IReadOnlyList<string> Roles, bool IsLockedOut)
    {
        internal static UserView Of(UserEdit user) =>
            new(user.Id!, user.UserName, user.DisplayName, user.Email, user.PhoneNumber, user.DepartmentId, [.. user.Roles.Order(StringComparer.Ordinal)], user.IsLockedOut);
    }

    private static async Task<Ok<List<UserRow>>> List(UserAdministration users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Get(string id, UserAdministration users, IStringLocalizer text) =>
        await users.GetAsync(id) is { } user ? TypedResults.Ok(UserView.Of(user)) : AdministrationAnswers.NotFound(text["Identity.Users.NotFound"]);

    private static async Task<Results<Created<UserView>, ProblemHttpResult>> Create(JsonElement body, HttpContext context, ClaimsPrincipal by, UserAdministration users)
    {
        var edit = new UserEdit();
        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.CreatedOrRefused(await users.SaveAsync(edit, by, context.RequestAborted),
            () => $"/api/admin/users/{edit.Id}", async () => UserView.Of((await users.GetAsync(edit.Id!))!));
    }

    private static async Task<Results<Ok<UserView>, ProblemHttpResult>> Change(string id, JsonElement body, HttpContext context, ClaimsPrincipal by, UserAdministration users, IStringLocalizer text)
    {
        if (await users.GetAsync(id) is not { } edit)
        {
            return AdministrationAnswers.NotFound(text["Identity.Users.NotFound"]);
        }

        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.SavedOrRefused(await users.SaveAsync(edit, by, context.RequestAborted),
            async () => UserView.Of((await users.GetAsync(id))!));
    }

    private static ProblemHttpResult? Read(JsonElement body, HttpContext context, UserEdit edit)
    {
        var change = AdministrationChange.Of(body, context);
        if (change.Check(Properties))
        {
            change.Text("userName", v => edit.UserName = v ?? "", nullable: false);
            change.Text("displayName", v => edit.DisplayName = v ?? "");
            change.Text("email", v => edit.Email = v);
            change.Text("phoneNumber", v => edit.PhoneNumber = v);
            change.Text("departmentId", v => edit.DepartmentId = v);
            change.List("roles", v => edit.Roles = v);
            change.Text("password", v => edit.Password = v, nullable: false);
            change.Flag("isLockedOut", v => edit.IsLockedOut = v);
        }

        return change.Errors.Count > 0 ? AdministrationAnswers.Of(change.Errors) : null;
    }
}
