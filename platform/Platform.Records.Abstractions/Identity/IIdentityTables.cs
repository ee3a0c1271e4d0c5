using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Core.Security;
using Platform.Records;

namespace Platform.Records.Identity;

/// <summary>
/// The part of the platform's database the identity module administers: accounts, roles and their
/// permission claims, departments, and the audit trail its changes are written to. The module sees
/// these tables and no others.
/// </summary>
public interface IIdentityTables
{
    DbSet<PlatformUser> Users { get; }

    DbSet<PlatformRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    DbSet<IdentityRoleClaim<string>> RoleClaims { get; }

    DbSet<Department> Departments { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
