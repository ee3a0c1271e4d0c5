using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Security;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records.Identity;
using Platform.Records.Packages;
using Platform.Web.Security;

namespace Platform.Identity.Services;

/// <summary>
/// The roles an app package needs (its approval's "Sales manager"), one file each in <c>roles/</c>:
/// <c>{ "name": "Sales manager", "description": "…", "permissions": ["Records.sales_order.Read.All"] }</c>.
/// A role that does not exist yet is created with its permissions; one that exists is brought to the file's description and
/// permissions. What administrators changed is not undone: the installer passes a role's file only when the role was not changed
/// here since the package last set it (or someone chose the package's). Every file is checked first — a name, known permissions —
/// and a refusal applies nothing.
/// </summary>
public sealed class PackageRoles(RoleManager<PlatformRole> roles, IIdentityTables db, IPermissionDirectory permissions, AdministrationAudit audit, IStringLocalizer text) : IAppPackagePart
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public string Folder => "roles";

    private sealed class RoleFile
    {
        public string Name { get; set; } = "";

        public string? Description { get; set; }

        public List<string> Permissions { get; set; } = [];
    }

    public async Task<AppPackagePartResult> ApplyAsync(IReadOnlyList<AppPackageFile> files, string changedBy, CancellationToken cancellationToken)
    {
        var known = (await permissions.AllAsync(cancellationToken)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var read = new List<(string Path, RoleFile Role)>();
        var errors = new List<MetadataError>();
        foreach (var file in files.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            RoleFile? role;
            try
            {
                role = JsonSerializer.Deserialize<RoleFile>(file.Content, Json);
            }
            catch (JsonException e)
            {
                errors.Add(new($"{file.Path}: {e.Path ?? "$"}", e.Message));
                continue;
            }

            if (role is null || string.IsNullOrWhiteSpace(role.Name))
            {
                errors.Add(new($"{file.Path}: $.name", text["Identity.Roles.NameRequired"]));
            }
            else if (role.Name.Trim() == PlatformRoles.Administrator)
            {
                errors.Add(new($"{file.Path}: $.name", text["Identity.Roles.AdministratorFixed"]));
            }
            else if ((role.Permissions ?? []).Where(p => !known.Contains(p)).ToList() is { Count: > 0 } unknown)
            {
                errors.Add(new($"{file.Path}: $.permissions", text["Identity.Roles.UnknownPermission", string.Join(", ", unknown)]));
            }
            else
            {
                read.Add((file.Path, role));
            }
        }

        if (errors.Count > 0)
        {
            return new AppPackagePartResult([], [], [], errors);
        }

        var (created, changed, unchanged) = (new List<string>(), new List<string>(), new List<string>());
        foreach (var (path, file) in read)
        {
            var name = file.Name.Trim();
            var description = string.IsNullOrWhiteSpace(file.Description) ? null : file.Description.Trim();
            var granted = (file.Permissions ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (await roles.FindByNameAsync(name) is { } existing)
            {
                var had = (await roles.GetClaimsAsync(existing)).Where(c => c.Type == PlatformClaimTypes.Permission).ToList();
                if (existing.Description == description && had.Select(c => c.Value).Order(StringComparer.Ordinal).SequenceEqual(granted))
                {
                    unchanged.Add($"role {name}");
                    continue;
                }

                var before = new { name, description = existing.Description, permissions = had.Select(c => c.Value).Order(StringComparer.Ordinal).ToList() };
                existing.Description = description;
                await roles.UpdateAsync(existing);
                foreach (var claim in had.Where(c => !granted.Contains(c.Value)))
                {
                    await roles.RemoveClaimAsync(existing, claim);
                }

                foreach (var permission in granted.Where(p => had.All(c => c.Value != p)))
                {
                    await roles.AddClaimAsync(existing, new Claim(PlatformClaimTypes.Permission, permission));
                }

                audit.Record(AdministrationAudit.Roles, existing.Id, "update", before, new { name, description, permissions = granted, package = path }, null);
                changed.Add($"role {name}");
                continue;
            }

            var role = new PlatformRole { Name = name, Description = description };
            var saved = await roles.CreateAsync(role);
            if (!saved.Succeeded)
            {
                return new AppPackagePartResult([], [], [], [.. saved.Errors.Select(e => new MetadataError($"{path}: $.name", e.Description))]);
            }

            foreach (var permission in granted)
            {
                await roles.AddClaimAsync(role, new Claim(PlatformClaimTypes.Permission, permission));
            }

            audit.Record(AdministrationAudit.Roles, role.Id, "create", null, new { name, description = role.Description, permissions = granted, package = path }, null);
            created.Add($"role {name}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, changed, unchanged, []);
    }

    /// <summary>Every role but the administrators', with its permissions, at <c>roles/{its name}.json</c>.</summary>
    public async Task<IReadOnlyList<AppPackageFile>> ExportAsync(CancellationToken cancellationToken)
    {
        var files = new List<AppPackageFile>();
        foreach (var role in roles.Roles.Where(r => r.Name != PlatformRoles.Administrator).ToList())
        {
            var granted = (await roles.GetClaimsAsync(role)).Where(c => c.Type == PlatformClaimTypes.Permission).Select(c => c.Value)
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            files.Add(AppPackageDocuments.Json(AppPackageDocuments.NamedPath(Folder, role.Name!), new RoleFile { Name = role.Name!, Description = role.Description, Permissions = granted }, Json));
        }

        return files;
    }

    /// <summary>Removes the roles at these paths; the people who held one simply no longer do.</summary>
    public async Task<AppPackagePartResult> RemoveAsync(IReadOnlyList<string> paths, string changedBy, CancellationToken cancellationToken)
    {
        var removed = new List<string>();
        foreach (var role in roles.Roles.Where(r => r.Name != PlatformRoles.Administrator).ToList())
        {
            if (!paths.Contains(AppPackageDocuments.NamedPath(Folder, role.Name!)))
            {
                continue;
            }

            var deleted = await roles.DeleteAsync(role);
            if (!deleted.Succeeded)
            {
                return new AppPackagePartResult([], [], [], [.. deleted.Errors.Select(e => new MetadataError(AppPackageDocuments.NamedPath(Folder, role.Name!), e.Description))]);
            }

            audit.Record(AdministrationAudit.Roles, role.Id, "delete", new { name = role.Name, description = role.Description }, null, null);
            removed.Add($"role {role.Name}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult([], removed, [], []);
    }
}
