using Platform.Abstractions.Permissions;

namespace Platform.Web.Security;

/// <summary>Every permission there is: the modules' own and those derived from data (one set per entity).</summary>
public interface IPermissionDirectory
{
    Task<IReadOnlyList<PermissionDefinition>> AllAsync(CancellationToken cancellationToken = default);

    Task<bool> ExistsAsync(string name, CancellationToken cancellationToken = default);
}
