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
/// A role that does not exist yet is created with its permissions; one that exists is left as the
/// administrators keep it (packages are applied at every start, and a permission someone took away
/// must stay away). Every file is checked first — a name, known permissions — and a refusal applies nothing.
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

        var (created, unchanged) = (new List<string>(), new List<string>());
        foreach (var (path, file) in read)
        {
            var name = file.Name.Trim();
            if (await roles.FindByNameAsync(name) is not null)
            {
                unchanged.Add($"role {name}");
                continue;
            }

            var role = new PlatformRole { Name = name, Description = string.IsNullOrWhiteSpace(file.Description) ? null : file.Description.Trim() };
            var saved = await roles.CreateAsync(role);
            if (!saved.Succeeded)
            {
                return new AppPackagePartResult([], [], [], [.. saved.Errors.Select(e => new MetadataError($"{path}: $.name", e.Description))]);
            }

            var granted = (file.Permissions ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            foreach (var permission in granted)
            {
                await roles.AddClaimAsync(role, new Claim(PlatformClaimTypes.Permission, permission));
            }

            audit.Record(AdministrationAudit.Roles, role.Id, "create", null, new { name, description = role.Description, permissions = granted, package = path }, null);
            created.Add($"role {name}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AppPackagePartResult(created, [], unchanged, []);
    }
}
