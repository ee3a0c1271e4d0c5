using Platform.Abstractions.Permissions;
using Platform.Records;

namespace Platform.Entities;

/// <summary>Permission names of the entity module.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>Create and change entity definitions; reading them needs only sign-in (forms need them).</summary>
    public const string ManageMetadata = SchemaPermissionNames.Manage;

    public IEnumerable<PermissionDefinition> GetPermissions() =>
        [new(ManageMetadata, "Entities.Permissions.Group", "Entities.Permissions.ManageMetadata")];
}
