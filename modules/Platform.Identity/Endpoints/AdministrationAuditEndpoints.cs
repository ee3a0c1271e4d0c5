using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Platform.Identity.Services;
using Platform.Records.Identity;

namespace Platform.Identity.Endpoints;

/// <summary>
/// <c>/api/admin/audit/{users|roles|departments}/{id}</c>: who changed an account, role or department,
/// when, and its values before and after — for those who may administer that kind.
/// </summary>
public static class AdministrationAuditEndpoints
{
    private static readonly Dictionary<string, (string Key, string Permission)> Kinds = new(StringComparer.Ordinal)
    {
        ["users"] = (AdministrationAudit.Users, Permissions.ManageUsers),
        ["roles"] = (AdministrationAudit.Roles, Permissions.ManageRoles),
        ["departments"] = (AdministrationAudit.Departments, Permissions.ManageDepartments),
    };

    public static void MapAdministrationAuditEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/api/admin/audit/{kind}/{id}", Trail).WithTags("Administration").WithName("AdministrationAudit")
            .WithSummary("The changes of one user, role or department, oldest first.");

    private static async Task<IResult> Trail(string kind, string id, HttpContext context, IAuthorizationService authorization, IIdentityTables db)
    {
        if (!Kinds.TryGetValue(kind, out var of))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"'{kind}' is not users, roles or departments.");
        }

        if (!(await authorization.AuthorizeAsync(context.User, of.Permission)).Succeeded)
        {
            return Results.Forbid();
        }

        var key = AdministrationAudit.KeyOf(id);
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == of.Key && a.RecordId == key).OrderBy(a => a.Id).ToListAsync(context.RequestAborted);
        return Results.Ok(entries.Select(a => new
        {
            a.At, a.Action, a.UserId, a.UserName,
            before = a.OldValue is null ? (JsonElement?)null : JsonDocument.Parse(a.OldValue).RootElement,
            after = a.NewValue is null ? (JsonElement?)null : JsonDocument.Parse(a.NewValue).RootElement,
        }));
    }
}
