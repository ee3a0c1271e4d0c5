using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Core.Security;
using Platform.Identity.Models;
using Platform.Records.Identity;
using Platform.Web.Security;

namespace Platform.Identity.Services;

/// <summary>
/// Roles and the permissions they grant (stored as role claims). The Administrator role holds every
/// permission implicitly and can be neither renamed nor deleted.
/// </summary>
public sealed class RoleAdministration(RoleManager<PlatformRole> roles, IIdentityTables db, IPermissionDirectory permissions, IStringLocalizer localizer, AdministrationAudit audit)
{
    public async Task<List<RoleEdit>> ListAsync(CancellationToken cancellationToken = default)
    {
        var all = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == PlatformClaimTypes.Permission).ToListAsync(cancellationToken);
        var counts = await db.UserRoles.GroupBy(ur => ur.RoleId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return all.Select(r => new RoleEdit
        {
            Id = r.Id,
            Name = r.Name!,
            Description = r.Description,
            Permissions = claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).ToHashSet(StringComparer.Ordinal),
            UserCount = counts.GetValueOrDefault(r.Id),
            IsAdministrator = r.Name == PlatformRoles.Administrator,
        }).ToList();
    }

    /// <param name="by">Who makes the change, for the audit trail; the platform itself when null.</param>
    public async Task<AdministrationResult> SaveAsync(RoleEdit edit, ClaimsPrincipal? by = null, CancellationToken cancellationToken = default)
    {
        var name = edit.Name.Trim();
        if (name.Length == 0)
        {
            return AdministrationResult.Fail(nameof(RoleEdit.Name), localizer["Identity.Roles.NameRequired"]);
        }

        var known = (await permissions.AllAsync(cancellationToken)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = edit.Permissions.Where(p => !known.Contains(p)).ToList();
        if (unknown.Count > 0)
        {
            return AdministrationResult.Fail(nameof(RoleEdit.Permissions), localizer["Identity.Roles.UnknownPermission", string.Join(", ", unknown)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var role = edit.Id is null ? new PlatformRole() : await roles.FindByIdAsync(edit.Id);
        if (role is null)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Roles.NotFound"]);
        }

        if (role.Name == PlatformRoles.Administrator && name != PlatformRoles.Administrator)
        {
            return AdministrationResult.Fail(nameof(RoleEdit.Name), localizer["Identity.Roles.AdministratorFixed"]);
        }

        var before = edit.Id is null ? null : Snapshot(role.Name!, role.Description,
            (await roles.GetClaimsAsync(role)).Where(c => c.Type == PlatformClaimTypes.Permission).Select(c => c.Value));
        role.Name = name;
        role.Description = string.IsNullOrWhiteSpace(edit.Description) ? null : edit.Description.Trim();
        var saved = edit.Id is null ? await roles.CreateAsync(role) : await roles.UpdateAsync(role);
        if (!saved.Succeeded)
        {
            db.ChangeTracker.Clear();
            return new AdministrationResult(saved.Errors.Select(e => new FieldError(nameof(RoleEdit.Name), e.Description)).ToList());
        }

        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PlatformClaimTypes.Permission).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in current.Except(edit.Permissions))
        {
            await roles.RemoveClaimAsync(role, new Claim(PlatformClaimTypes.Permission, removed));
        }

        foreach (var added in edit.Permissions.Except(current))
        {
            await roles.AddClaimAsync(role, new Claim(PlatformClaimTypes.Permission, added));
        }

        audit.Record(AdministrationAudit.Roles, role.Id, before is null ? "create" : "update", before, Snapshot(role.Name, role.Description, edit.Permissions), by);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        edit.Id = role.Id;
        return AdministrationResult.Success;
    }

    public async Task<AdministrationResult> DeleteAsync(string id, ClaimsPrincipal? by = null, CancellationToken cancellationToken = default)
    {
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Roles.NotFound"]);
        }

        if (role.Name == PlatformRoles.Administrator)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Roles.AdministratorFixed"]);
        }

        if (await db.UserRoles.AnyAsync(ur => ur.RoleId == id, cancellationToken))
        {
            return AdministrationResult.Fail(null, localizer["Identity.Roles.HasUsers"]);
        }

        // Identity's delete saves the context: the audit entry is written in the same statement batch.
        audit.Record(AdministrationAudit.Roles, role.Id, "delete",
            Snapshot(role.Name!, role.Description, (await roles.GetClaimsAsync(role)).Where(c => c.Type == PlatformClaimTypes.Permission).Select(c => c.Value)), null, by);
        var deleted = await roles.DeleteAsync(role);
        if (!deleted.Succeeded)
        {
            db.ChangeTracker.Clear();
        }

        return deleted.Succeeded ? AdministrationResult.Success : new AdministrationResult(deleted.Errors.Select(e => new FieldError(null, e.Description)).ToList());
    }

    private static object Snapshot(string name, string? description, IEnumerable<string> permissions) =>
        new { name, description, permissions = permissions.Order(StringComparer.Ordinal).ToList() };
}
