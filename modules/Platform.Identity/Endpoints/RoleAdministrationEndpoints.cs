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

/// <summary><c>/api/admin/roles</c>: roles with the permissions they grant (record permissions included), as on the roles page.</summary>
public static class RoleAdministrationEndpoints
{
    private static readonly string[] Properties = ["name", "description", "permissions"];

    public static void MapRoleAdministrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var roles = endpoints.MapGroup("/api/admin/roles").WithTags("Administration").RequireAuthorization(Permissions.ManageRoles);
        roles.MapGet("/", List).WithName("ListRoles").WithSummary("Every role with its permissions and how many users hold it.");
        roles.MapGet("/{id}", Get).WithName("GetRole").WithSummary("One role with its permissions.");
        roles.MapPost("/", Create).WithName("CreateRole").WithSummary("Creates a role: { name, description, permissions }.");
        roles.MapPatch("/{id}", Change).WithName("ChangeRole").WithSummary("Changes the properties sent; permissions sent replace the role's.");
        roles.MapDelete("/{id}", Delete).WithName("DeleteRole").WithSummary("Deletes a role no user holds (never Administrator).");
    }

    private static async Task<Ok<List<RoleEdit>>> List(RoleAdministration roles, CancellationToken cancellationToken) =>
        TypedResults.Ok(await roles.ListAsync(cancellationToken));

    private static async Task<Results<Ok<RoleEdit>, ProblemHttpResult>> Get(string id, RoleAdministration roles, IStringLocalizer text, CancellationToken cancellationToken) =>
        (await roles.ListAsync(cancellationToken)).FirstOrDefault(r => r.Id == id) is { } role ? TypedResults.Ok(role) : AdministrationAnswers.NotFound(text["Identity.Roles.NotFound"]);

    private static async Task<Results<Created<RoleEdit>, ProblemHttpResult>> Create(JsonElement body, HttpContext context, ClaimsPrincipal by, RoleAdministration roles)
    {
        var edit = new RoleEdit();
        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.CreatedOrRefused(await roles.SaveAsync(edit, by, context.RequestAborted),
            () => $"/api/admin/roles/{edit.Id}", async () => (await roles.ListAsync(context.RequestAborted)).Single(r => r.Id == edit.Id));
    }

    private static async Task<Results<Ok<RoleEdit>, ProblemHttpResult>> Change(string id, JsonElement body, HttpContext context, ClaimsPrincipal by, RoleAdministration roles, IStringLocalizer text)
    {
        if ((await roles.ListAsync(context.RequestAborted)).FirstOrDefault(r => r.Id == id) is not { } edit)
        {
            return AdministrationAnswers.NotFound(text["Identity.Roles.NotFound"]);
        }

        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.SavedOrRefused(await roles.SaveAsync(edit, by, context.RequestAborted),
            async () => (await roles.ListAsync(context.RequestAborted)).Single(r => r.Id == id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext context, ClaimsPrincipal by, RoleAdministration roles, IStringLocalizer text)
    {
        if ((await roles.ListAsync(context.RequestAborted)).All(r => r.Id != id))
        {
            return AdministrationAnswers.NotFound(text["Identity.Roles.NotFound"]);
        }

        var result = await roles.DeleteAsync(id, by, context.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent() : AdministrationAnswers.Of(result.Errors);
    }

    private static ProblemHttpResult? Read(JsonElement body, HttpContext context, RoleEdit edit)
    {
        var change = AdministrationChange.Of(body, context);
        if (change.Check(Properties))
        {
            change.Text("name", v => edit.Name = v ?? "", nullable: false);
            change.Text("description", v => edit.Description = v);
            change.List("permissions", v => edit.Permissions = v.ToHashSet(StringComparer.Ordinal));
        }

        return change.Errors.Count > 0 ? AdministrationAnswers.Of(change.Errors) : null;
    }
}
