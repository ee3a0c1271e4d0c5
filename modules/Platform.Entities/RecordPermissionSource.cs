using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Permissions;
using Platform.Core.Records;
using Platform.Records;

namespace Platform.Entities;

/// <summary>
/// One set of record permissions per entity (create; read, change, delete — own, subordinates', department, department tree or
/// all; assign; one per record action),
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
                localizer["Records.Permissions.Group", e.Label.For(CultureInfo.CurrentUICulture.Name)]))
                // Each record action is a right of its own, named by its button's label (no key: the text is the package's).
                .Concat((e.Actions ?? []).Where(a => a is not null).Select(a => new PermissionDefinition(
                    RecordPermissions.Action(e.Name, a.Name),
                    "Records.Permissions.Group",
                    localizer["Records.Permissions.Action", a.Label.For(CultureInfo.CurrentUICulture.Name)],
                    localizer["Records.Permissions.Group", e.Label.For(CultureInfo.CurrentUICulture.Name)]))))
            .ToList();
    }
}
