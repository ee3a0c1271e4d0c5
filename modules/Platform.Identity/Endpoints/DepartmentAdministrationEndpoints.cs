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

/// <summary><c>/api/admin/departments</c>: the organisation tree — departments with parent, manager and order — as on the departments page.</summary>
public static class DepartmentAdministrationEndpoints
{
    private static readonly string[] Properties = ["name", "code", "parentId", "managerId", "sortOrder"];

    public static void MapDepartmentAdministrationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var departments = endpoints.MapGroup("/api/admin/departments").WithTags("Administration").RequireAuthorization(Permissions.ManageDepartments);
        departments.MapGet("/", List).WithName("ListDepartments").WithSummary("Every department with parent, manager and member count, in tree order.");
        departments.MapPost("/", Create).WithName("CreateDepartment").WithSummary("Creates a department: { name, code, parentId, managerId, sortOrder }.");
        departments.MapPatch("/{id}", Change).WithName("ChangeDepartment").WithSummary("Changes the properties sent (a parent below itself is refused).");
        departments.MapDelete("/{id}", Delete).WithName("DeleteDepartment").WithSummary("Deletes a department without members or sub-departments.");
    }

    private static async Task<Ok<List<DepartmentEdit>>> List(DepartmentAdministration departments, CancellationToken cancellationToken) =>
        TypedResults.Ok(await departments.ListAsync(cancellationToken));

    private static async Task<Results<Created<DepartmentEdit>, ProblemHttpResult>> Create(JsonElement body, HttpContext context, ClaimsPrincipal by, DepartmentAdministration departments)
    {
        var edit = new DepartmentEdit();
        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.CreatedOrRefused(await departments.SaveAsync(edit, by, context.RequestAborted),
            () => $"/api/admin/departments/{edit.Id}", async () => (await departments.ListAsync(context.RequestAborted)).Single(d => d.Id == edit.Id));
    }

    private static async Task<Results<Ok<DepartmentEdit>, ProblemHttpResult>> Change(string id, JsonElement body, HttpContext context, ClaimsPrincipal by, DepartmentAdministration departments, IStringLocalizer text)
    {
        if ((await departments.ListAsync(context.RequestAborted)).FirstOrDefault(d => d.Id == id) is not { } edit)
        {
            return AdministrationAnswers.NotFound(text["Identity.Departments.NotFound"]);
        }

        if (Read(body, context, edit) is { } refused)
        {
            return refused;
        }

        return await AdministrationAnswers.SavedOrRefused(await departments.SaveAsync(edit, by, context.RequestAborted),
            async () => (await departments.ListAsync(context.RequestAborted)).Single(d => d.Id == id));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext context, ClaimsPrincipal by, DepartmentAdministration departments)
    {
        var result = await departments.DeleteAsync(id, by, context.RequestAborted);
        return result.Succeeded ? TypedResults.NoContent()
            : (await departments.ListAsync(context.RequestAborted)).All(d => d.Id != id) ? AdministrationAnswers.NotFound(result.Errors[0].Message)
            : AdministrationAnswers.Of(result.Errors);
    }

    private static ProblemHttpResult? Read(JsonElement body, HttpContext context, DepartmentEdit edit)
    {
        var change = AdministrationChange.Of(body, context);
        if (change.Check(Properties))
        {
            change.Text("name", v => edit.Name = v ?? "", nullable: false);
            change.Text("code", v => edit.Code = v);
            change.Text("parentId", v => edit.ParentId = v);
            change.Text("managerId", v => edit.ManagerId = v);
            change.Number("sortOrder", v => edit.SortOrder = v);
        }

        return change.Errors.Count > 0 ? AdministrationAnswers.Of(change.Errors) : null;
    }
}
