using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Security;
using Platform.Identity.Models;
using Platform.Records.Identity;

namespace Platform.Identity.Services;

/// <summary>
/// The organisation tree. A department cannot become its own ancestor, codes are unique, and a
/// department with sub-departments or members cannot be deleted.
/// </summary>
public sealed class DepartmentAdministration(IIdentityTables db, IStringLocalizer localizer, AdministrationAudit audit)
{
    public async Task<List<DepartmentEdit>> ListAsync(CancellationToken cancellationToken = default)
    {
        var members = await db.Users.Where(u => u.DepartmentId != null)
            .GroupBy(u => u.DepartmentId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var departments = await db.Departments.AsNoTracking()
            .Select(d => new DepartmentEdit
            {
                Id = d.Id, Name = d.Name, Code = d.Code, ParentId = d.ParentId, ManagerId = d.ManagerId,
                ManagerName = d.Manager != null ? d.Manager.DisplayName : null, SortOrder = d.SortOrder,
            })
            .ToListAsync(cancellationToken);
        foreach (var department in departments)
        {
            department.MemberCount = members.GetValueOrDefault(department.Id!);
        }

        return departments.OrderBy(d => d.SortOrder).ThenBy(d => d.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <param name="by">Who makes the change, for the audit trail; the platform itself when null.</param>
    public async Task<AdministrationResult> SaveAsync(DepartmentEdit edit, ClaimsPrincipal? by = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<FieldError>();
        var name = edit.Name.Trim();
        var code = string.IsNullOrWhiteSpace(edit.Code) ? null : edit.Code.Trim();
        var parentId = string.IsNullOrEmpty(edit.ParentId) ? null : edit.ParentId;
        var managerId = string.IsNullOrEmpty(edit.ManagerId) ? null : edit.ManagerId;
        if (name.Length == 0)
        {
            errors.Add(new(nameof(DepartmentEdit.Name), localizer["Identity.Departments.NameRequired"]));
        }

        if (code is not null && await db.Departments.AnyAsync(d => d.Code == code && d.Id != edit.Id, cancellationToken))
        {
            errors.Add(new(nameof(DepartmentEdit.Code), localizer["Identity.Departments.CodeTaken", code]));
        }

        if (managerId is not null && !await db.Users.AnyAsync(u => u.Id == managerId, cancellationToken))
        {
            errors.Add(new(nameof(DepartmentEdit.ManagerId), localizer["Identity.Users.NotFound"]));
        }

        if (parentId is not null)
        {
            var parents = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.ParentId, cancellationToken);
            if (!parents.ContainsKey(parentId))
            {
                errors.Add(new(nameof(DepartmentEdit.ParentId), localizer["Identity.Departments.NotFound"]));
            }
            else if (edit.Id is not null && IsSelfOrDescendant(parentId, edit.Id, parents))
            {
                errors.Add(new(nameof(DepartmentEdit.ParentId), localizer["Identity.Departments.Cycle"]));
            }
        }

        if (errors.Count > 0)
        {
            return new AdministrationResult(errors);
        }

        var department = edit.Id is null ? new Department() : await db.Departments.FindAsync([edit.Id], cancellationToken);
        if (department is null)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Departments.NotFound"]);
        }

        var before = edit.Id is null ? null : Snapshot(department);
        department.Name = name;
        department.Code = code;
        department.ParentId = parentId;
        department.ManagerId = managerId;
        department.SortOrder = edit.SortOrder;
        if (edit.Id is null)
        {
            db.Departments.Add(department);
        }

        audit.Record(AdministrationAudit.Departments, department.Id, before is null ? "create" : "update", before, Snapshot(department), by);
        await db.SaveChangesAsync(cancellationToken);
        edit.Id = department.Id;
        return AdministrationResult.Success;
    }

    public async Task<AdministrationResult> DeleteAsync(string id, ClaimsPrincipal? by = null, CancellationToken cancellationToken = default)
    {
        var department = await db.Departments.FindAsync([id], cancellationToken);
        if (department is null)
        {
            return AdministrationResult.Fail(null, localizer["Identity.Departments.NotFound"]);
        }

        if (await db.Departments.AnyAsync(d => d.ParentId == id, cancellationToken))
        {
            return AdministrationResult.Fail(null, localizer["Identity.Departments.HasChildren"]);
        }

        if (await db.Users.AnyAsync(u => u.DepartmentId == id, cancellationToken))
        {
            return AdministrationResult.Fail(null, localizer["Identity.Departments.HasMembers"]);
        }

        audit.Record(AdministrationAudit.Departments, department.Id, "delete", Snapshot(department), null, by);
        db.Departments.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        return AdministrationResult.Success;
    }

    private static object Snapshot(Department department) =>
        new { department.Name, department.Code, department.ParentId, department.ManagerId, department.SortOrder };

    /// <summary>True when <paramref name="candidate"/> is <paramref name="department"/> or lies below it.</summary>
    private static bool IsSelfOrDescendant(string candidate, string department, IReadOnlyDictionary<string, string?> parents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (string? at = candidate; at is not null && seen.Add(at); at = parents.GetValueOrDefault(at))
        {
            if (at == department)
            {
                return true;
            }
        }

        return false;
    }
}
