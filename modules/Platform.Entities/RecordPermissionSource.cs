using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Permissions;
using Platform.Core.Records;
using Platform.Records;

namespace Platform.Entities;

/// <summary>
/// One set of record permissions per entity (create; read, change, delete — own, department or all),
/// grouped under the entity's label. Line entities have none: their lines follow the parent's.
/// </summary>
public sealed class RecordPermissionSource(ISchemaManager schemas, IStringLocalizer localizer) : IPermissionSource
{
    public async Task<IReadOnlyList<PermissionDefinition>> GetPermissionsAsync(CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        return schema.Entities
            .Where(e => schema.ParentOf(e.Name) is null)
            .SelectMany(e => RecordPermissions.Of(e.Name).Select(p => new PermissionDefinition(
                p.Name,
                "Records.Permissions.Group",
                p.Action is RecordAction.Create or RecordAction.Assign ? $"Records.Permissions.{p.Action}" : $"Records.Permissions.{p.Action}.{p.Scope}",
                localizer["Records.Permissions.Group", e.Label.For(CultureInfo.CurrentUICulture.Name)])))
            .ToList();
    }
}
