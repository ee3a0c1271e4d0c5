namespace Platform.Abstractions.Permissions;

/// <summary>
/// Permissions that follow data rather than code, e.g. one set per entity an analyst defines.
/// Asked each time roles are edited; registered scoped, so it may read the database.
/// </summary>
public interface IPermissionSource
{
    Task<IReadOnlyList<PermissionDefinition>> GetPermissionsAsync(CancellationToken cancellationToken);
}
