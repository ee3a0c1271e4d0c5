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

    /// <summary>What holds this record now (an approval), with the reason in the actor's language and the fields it still lets them change; null when nothing holds it.</summary>
    public async Task<RecordHold?> HeldAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var entity = (await schemas.LoadSchemaAsync(cancellationToken)).Find(entityName);
        return entity is null ? null : await Steps.Access.HoldAsync(entity, id, actor, cancellationToken);
    }
}
