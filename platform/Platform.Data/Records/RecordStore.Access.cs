using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>The entity whose permissions govern records of <paramref name="entity"/>: lines follow their parent.</summary>
    internal static string PermissionEntity(RecordsSchema schema, EntityDefinition entity) =>
        schema.ParentOf(entity.Name)?.Parent.Name ?? entity.Name;

    internal static RecordScope ScopeOf(RecordsSchema schema, EntityDefinition entity, Actor actor, RecordAction action) =>
        actor.Rights.ScopeOf(PermissionEntity(schema, entity), action);

    /// <summary>The records <paramref name="scope"/> covers, as a condition the database applies.</summary>
    internal static IQueryable<Dictionary<string, object>> Covered(IQueryable<Dictionary<string, object>> query, RecordScope scope, Actor actor)
    {
        var department = actor.DepartmentId;
        var user = actor.UserId;
        return scope switch
        {
            RecordScope.All => query,
            RecordScope.Department when department is not null => query.Where(r => EF.Property<string?>(r, SystemFields.Department) == department),
            RecordScope.Own => query.Where(r => EF.Property<string?>(r, SystemFields.Owner) == user),
            _ => query.Where(r => false),
        };
    }

    /// <summary>Why people may not change or delete this record now (an approval holds it), in the actor's language; null when nothing holds it.</summary>
    public async Task<string?> HeldAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        if (actor.Access is null)
        {
            return null;
        }

        var entity = (await schemas.LoadSchemaAsync(cancellationToken)).Find(entityName);
        if (entity is null)
        {
            return null;
        }

        foreach (var handler in hooks.OrderBy(h => h.Order))
        {
            if (await handler.RefuseAsync(entity.Name, id, actor, cancellationToken) is { } reason)
            {
                return reason;
            }
        }

        return null;
    }
}
