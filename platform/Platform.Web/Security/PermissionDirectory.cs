using Platform.Abstractions.Permissions;

namespace Platform.Web.Security;

/// <summary>Every permission a role can grant: those the modules declare and those that follow data (per entity).</summary>
public sealed class PermissionDirectory(PermissionCatalog catalog, IEnumerable<IPermissionSource> sources) : IPermissionDirectory
{
    public async Task<IReadOnlyList<PermissionDefinition>> AllAsync(CancellationToken cancellationToken = default)
    {
        var all = new List<PermissionDefinition>(catalog.All);
        foreach (var source in sources)
        {
            all.AddRange(await source.GetPermissionsAsync(cancellationToken));
        }

        return all;
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default) =>
        catalog.Exists(name) || (await AllAsync(cancellationToken)).Any(p => p.Name == name);
}
