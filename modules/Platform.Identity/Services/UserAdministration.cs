using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Core.Security;
using Platform.Identity.Models;
using Platform.Records.Identity;

namespace Platform.Identity.Services;

/// <summary>
/// Creates and changes user accounts. Every change runs in one transaction: a refused password or
/// role leaves the account exactly as it was. The last active administrator cannot be locked out
/// or lose the Administrator role.
/// </summary>
public sealed class UserAdministration(UserManager<PlatformUser> users, IIdentityTables db, IStringLocalizer localizer, TimeProvider clock, AdministrationAudit audit)
{
    public async Task<List<UserRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.UserName)
            .Select(u => new
            {
                u.Id, u.UserName, u.DisplayName, u.Email, u.DepartmentId,
                DepartmentName = u.Department != null ? u.Department.Name : null,
                u.LockoutEnd, u.CreatedAt,
            })
            .ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(cancellationToken);
        return rows.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Email, u.DepartmentId, u.DepartmentName,
                roles.TryGetValue(u.Id, out var r) ? r : [], u.LockoutEnd > now, u.CreatedAt))
            .ToList();
    }

    public async Task<UserEdit?> GetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return null;
        }

        return new UserEdit
        {
            Id = user.Id,
            UserName = user.UserName!,
            DisplayName = user.DisplayName,
            Email = user.Email,
            PhoneNumber = user.PhoneNumber,
            DepartmentId = user.DepartmentId,
            Roles = [.. await users.GetRolesAsync(user)],
            IsLockedOut = await users.IsLockedOutAsync(user),
        };
    }

    /// <param name="by">Who makes the change, for the audit trail; the platform itself when null.</param>
    public async Task<AdministrationResult> SaveAsync(UserEdit edit, ClaimsPrincipal? by = null, CancellationToken cancellationToken = default)
    {
        var invalid = await ValidateAsync(edit, cancellationToken);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var creating = edit.Id is null;
        var user = creating ? new PlatformUser() : await users.FindByIdAsync(edit.Id!);
        if (user is null)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Users.NotFound"]);
        }

        var before = creating ? null : await GetAsync(user.Id);
        user.UserName = edit.UserName.Trim();
        user.DisplayName = string.IsNullOrWhiteSpace(edit.DisplayName) ? user.UserName : edit.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(edit.Email) ? null : edit.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(edit.PhoneNumber) ? null : edit.PhoneNumber.Trim();
        user.DepartmentId = string.IsNullOrEmpty(edit.DepartmentId) ? null : edit.DepartmentId;

        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => creating ? users.CreateAsync(user, edit.Password!) : users.UpdateAsync(user),
        };
        if (!creating && !string.IsNullOrEmpty(edit.Password))
        {
            steps.Add(async () =>
            {
                var removed = await users.RemovePasswordAsync(user);
                return removed.Succeeded ? await users.AddPasswordAsync(user, edit.Password) : removed;
            });
        }

        var current = creating ? [] : await users.GetRolesAsync(user);
        var wanted = edit.Roles.Distinct(StringComparer.Ordinal).ToList();
        steps.Add(() => users.RemoveFromRolesAsync(user, current.Except(wanted)));
        steps.Add(() => users.AddToRolesAsync(user, wanted.Except(current)));
        // A lock from failed sign-ins shows as locked; keeping it does not turn it into a lock for good.
        var lockedUntil = user.LockoutEnd > clock.GetUtcNow() ? user.LockoutEnd : DateTimeOffset.MaxValue;
        steps.Add(() => users.SetLockoutEndDateAsync(user, edit.IsLockedOut ? lockedUntil : null));
        if (!edit.IsLockedOut)
        {
            steps.Add(() => users.ResetAccessFailedCountAsync(user));
        }

        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                // The transaction rolls back; forget the half-applied entities so the next read sees the database.
                db.ChangeTracker.Clear();
                return new AdministrationResult(result.Errors.Select(e => new FieldError(FieldOf(e.Code), e.Description)).ToList());
            }
        }

        if (!await HasActiveAdministratorAsync(cancellationToken))
        {
            db.ChangeTracker.Clear();
            return AdministrationResult.Fail(nameof(UserEdit.Roles), localizer["Identity.Users.LastAdministrator"]);
        }

        var rolesChanged = !current.ToHashSet(StringComparer.Ordinal).SetEquals(wanted);
        if (!creating && (rolesChanged || edit.IsLockedOut || !string.IsNullOrEmpty(edit.Password)))
        {
            // Open sessions of this user are re-checked within a minute and end or pick up the new roles.
            await users.UpdateSecurityStampAsync(user);
        }

        audit.Record(AdministrationAudit.Users, user.Id, creating ? "create" : "update", before is null ? null : Snapshot(before, passwordSet: false),
            Snapshot(edit, passwordSet: !string.IsNullOrEmpty(edit.Password)), by);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        edit.Id = user.Id;
        return AdministrationResult.Success;
    }

    /// <summary>What the audit trail keeps of an account: never a password, only that one was set.</summary>
    private static object Snapshot(UserEdit user, bool passwordSet) => new
    {
        userName = user.UserName.Trim(), user.DisplayName, user.Email, user.PhoneNumber, user.DepartmentId,
        roles = user.Roles.Order(StringComparer.Ordinal).ToList(), user.IsLockedOut, passwordSet,
    };

    private async Task<AdministrationResult> ValidateAsync(UserEdit edit, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(edit.UserName))
        {
            errors.Add(new(nameof(UserEdit.UserName), localizer["Identity.Users.UserNameRequired"]));
        }
        else if (edit.UserName.Trim().Any(char.IsWhiteSpace) || edit.UserName.Trim().Length > 100)
        {
            errors.Add(new(nameof(UserEdit.UserName), localizer["Identity.Users.UserNameInvalid"]));
        }

        if (edit.Id is null && string.IsNullOrEmpty(edit.Password))
        {
            errors.Add(new(nameof(UserEdit.Password), localizer["Identity.Users.PasswordRequired"]));
        }

        if (!string.IsNullOrEmpty(edit.DepartmentId) && !await db.Departments.AnyAsync(d => d.Id == edit.DepartmentId, cancellationToken))
        {
            errors.Add(new(nameof(UserEdit.DepartmentId), localizer["Identity.Departments.NotFound"]));
        }

        var knownRoles = await db.Roles.Select(r => r.Name!).ToListAsync(cancellationToken);
        foreach (var role in edit.Roles.Where(r => !knownRoles.Contains(r)))
        {
            errors.Add(new(nameof(UserEdit.Roles), localizer["Identity.Roles.Unknown", role]));
        }

        return new AdministrationResult(errors);
    }

    private async Task<bool> HasActiveAdministratorAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var administrators = await users.GetUsersInRoleAsync(PlatformRoles.Administrator);
        return administrators.Any(a => a.LockoutEnd is null || a.LockoutEnd <= now) || administrators.Count == 0 && !await db.Users.AnyAsync(cancellationToken);
    }

    private async Task<Dictionary<string, List<string>>> RolesByUserAsync(CancellationToken cancellationToken)
    {
        var pairs = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToList());
    }

    private static string? FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? nameof(UserEdit.Password)
        : code.Contains("UserName", StringComparison.Ordinal) ? nameof(UserEdit.UserName)
        : code.Contains("Email", StringComparison.Ordinal) ? nameof(UserEdit.Email)
        : code.Contains("Role", StringComparison.Ordinal) ? nameof(UserEdit.Roles)
        : null;
}
