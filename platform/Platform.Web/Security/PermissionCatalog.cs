using Platform.Abstractions.Permissions;

namespace Platform.Web.Security;

/// <summary>All permissions declared by the enabled modules, by name.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private readonly Lazy<IReadOnlyDictionary<string, PermissionDefinition>> _byName = new(() =>
        providers.SelectMany(p => p.GetPermissions())
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    public IReadOnlyCollection<PermissionDefinition> All => _byName.Value.Values.ToList();

    public bool Exists(string name) => _byName.Value.ContainsKey(name);
}
