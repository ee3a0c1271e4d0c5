using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Abstractions.Permissions;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Records;

namespace Platform.Entities;

/// <summary>
/// One set of record permissions per entity (create; read, change, delete — own, subordinates', department, department tree or
/// all; assign; one per record action; see or change each secured field, its lines' included), grouped under the entity's label.
/// Line entities have no group of their own: their lines follow the parent's, and their secured fields are listed with it.
/// </summary>
public sealed class RecordPermissionSource(ISchemaManager schemas, IStringLocalizer localizer) : IPermissionSource
{
    public async Task<IReadOnlyList<PermissionDefinition>> GetPermissionsAsync(CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        return schema.Entities
            .Where(e => schema.ParentOf(e.Name) is null)
            .SelectMany(e => Of(schema, e))
            .ToList();
    }

    private IEnumerable<PermissionDefinition> Of(RecordsSchema schema, EntityDefinition entity)
    {
        var culture = CultureInfo.CurrentUICulture.Name;
        var group = localizer["Records.Permissions.Group", entity.Label.For(culture)];
        foreach (var p in RecordPermissions.Of(entity.Name))
        {
            yield return new PermissionDefinition(
                p.Name,
                "Records.Permissions.Group",
                p.Action is RecordAction.Create or RecordAction.Assign ? $"Records.Permissions.{p.Action}" : $"Records.Permissions.{p.Action}.{p.Scope}",
                group);
        }

        if (entity.Submittable)
        {
            yield return new PermissionDefinition(RecordPermissions.Submit(entity.Name), "Records.Permissions.Group", "Records.Permissions.Submit", group);
            yield return new PermissionDefinition(RecordPermissions.Cancel(entity.Name), "Records.Permissions.Group", "Records.Permissions.Cancel", group);
        }

        // Each record action is a right of its own, named by its button's label (no key: the text is the package's).
        foreach (var action in (entity.Actions ?? []).Where(a => a is not null))
        {
            yield return new PermissionDefinition(
                RecordPermissions.Action(entity.Name, action.Name), "Records.Permissions.Group", localizer["Records.Permissions.Action", action.Label.For(culture)], group);
        }

        var lineEntities = entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name).Select(f => (Lines: f, Entity: schema.Find(f.Target!)));
        var secured = entity.LiveFields.Where(f => f.Secured).Select(f => (Owner: entity, Field: f, Label: f.Label.For(culture)))
            .Concat(lineEntities.Where(l => l.Entity is not null).SelectMany(l => l.Entity!.LiveFields.Where(f => f.Secured)
                .Select(f => (Owner: l.Entity!, Field: f, Label: $"{l.Lines.Label.For(culture)} · {f.Label.For(culture)}"))));
        foreach (var (owner, field, label) in secured)
        {
            yield return new PermissionDefinition(
                RecordPermissions.Field(owner.Name, field.Name, FieldRight.Read), "Records.Permissions.Group", localizer["Records.Permissions.FieldRead", label], group);
            yield return new PermissionDefinition(
                RecordPermissions.Field(owner.Name, field.Name, FieldRight.Update), "Records.Permissions.Group", localizer["Records.Permissions.FieldUpdate", label], group);
        }
    }
}
