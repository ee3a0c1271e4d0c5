using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>The entity whose permissions govern records of <paramref name="entity"/>: lines follow their parent.</summary>
    internal static string PermissionEntity(RecordsSchema schema, EntityDefinition entity) =>
        schema.ParentOf(entity.Name)?.Parent.Name ?? entity.Name;

    /// <summary>The widest scope the actor holds for the action (for "may they at all", "may they everything").</summary>
    internal static RecordScope ScopeOf(RecordsSchema schema, EntityDefinition entity, Actor actor, RecordAction action) =>
        actor.Rights.ScopeOf(PermissionEntity(schema, entity), action);

    /// <summary>
    /// Which records the actor's scopes for the action cover (placed in the organisation first when a scope follows the tree), with
    /// the records shared with them: to read, or to change; a share never lets anyone delete.
    /// </summary>
    internal static RecordReach ReachOf(RecordsSchema schema, EntityDefinition entity, Actor actor, RecordAction action)
    {
        var permissionEntity = PermissionEntity(schema, entity);
        var shared = action is RecordAction.Read or RecordAction.Update ? actor.Shares?.Of(permissionEntity, action == RecordAction.Update) : null;
        return RecordReach.Of(actor.Rights.ScopesOf(permissionEntity, action), actor, shared);
    }

    /// <summary>Which records the actor's own scopes cover, shares left aside (who may hand a record on, or share it further).</summary>
    internal static RecordReach ScopedReachOf(RecordsSchema schema, EntityDefinition entity, Actor actor, RecordAction action) =>
        RecordReach.Of(actor.Rights.ScopesOf(PermissionEntity(schema, entity), action), actor);

    /// <summary>The records of <paramref name="query"/> within <paramref name="reach"/>, as a condition the database applies (owners and departments as parameters).</summary>
    internal static IQueryable<Dictionary<string, object>> Covered(IQueryable<Dictionary<string, object>> query, RecordReach reach)
    {
        if (reach.All)
        {
            return query;
        }

        var (owners, departments) = (reach.Owners.ToList(), reach.Departments.ToList());
        if (reach.Unowned)
        {
            // The pool beside whatever else the scopes reach (shares included).
            var shared = reach.Shared.ToList();
            return query.Where(r => EF.Property<string?>(r, SystemFields.Owner) == null || shared.Contains(EF.Property<Guid>(r, SystemFields.Id))
                || owners.Contains(EF.Property<string>(r, SystemFields.Owner)) || departments.Contains(EF.Property<string>(r, SystemFields.Department)));
        }

        if (reach.Shared.Count > 0)
        {
            // Shared records by id, beside those the scopes reach (the ids as one list parameter).
            var shared = reach.Shared.ToList();
            return query.Where(r => shared.Contains(EF.Property<Guid>(r, SystemFields.Id))
                || owners.Contains(EF.Property<string>(r, SystemFields.Owner)) || departments.Contains(EF.Property<string>(r, SystemFields.Department)));
        }

        if (owners.Count + departments.Count == 0)
        {
            return query.Where(r => false);
        }

        if (departments.Count == 0 && owners.Count == 1)
        {
            var owner = owners[0];
            return query.Where(r => EF.Property<string?>(r, SystemFields.Owner) == owner);
        }

        if (owners.Count == 0 && departments.Count == 1)
        {
            var department = departments[0];
            return query.Where(r => EF.Property<string?>(r, SystemFields.Department) == department);
        }

        return query.Where(r => owners.Contains(EF.Property<string>(r, SystemFields.Owner)) || departments.Contains(EF.Property<string>(r, SystemFields.Department)));
    }

    /// <summary>The records of <paramref name="query"/> the actor may <paramref name="action"/>.</summary>
    internal static IQueryable<Dictionary<string, object>> Covered(IQueryable<Dictionary<string, object>> query, RecordsSchema schema, EntityDefinition entity, Actor actor, RecordAction action) =>
        Covered(query, ReachOf(schema, entity, actor, action));

    public async Task<RecordAllowance?> AllowanceAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        if (schema.Find(entityName) is not { } entity || await GetAsync(entity.Name, id, actor: actor, cancellationToken: cancellationToken) is not { } visible)
        {
            return null;
        }

        var row = visible.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!); // owner, department and id are never secured
        // A submitted document is changed by nobody, a cancelled one only deleted.
        return new RecordAllowance(
            ReachOf(schema, entity, actor, RecordAction.Update).Covers(row) && Steps.Access.DocumentHold(entity, row, RecordAction.Update) is null,
            ReachOf(schema, entity, actor, RecordAction.Delete).Covers(row) && Steps.Access.DocumentHold(entity, row, RecordAction.Delete) is null,
            ScopedReachOf(schema, entity, actor, RecordAction.Update).Covers(row));
    }

    /// <summary>What holds this record now (an approval), with the reason in the actor's language and the fields it still lets them change; null when nothing holds it.</summary>
    public async Task<RecordHold?> HeldAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var entity = schema.Find(entityName);
        if (entity is { Submittable: true } && await GetAsync(entity.Name, id, cancellationToken: cancellationToken) is { } row
            && row.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!) is var values
            && Steps.Access.DocumentHold(entity, values, RecordAction.Update) is { } reason)
        {
            // A submitted document's fields open to change after submission stay editable to those who may change it.
            var placed = await _org.PlaceAsync(actor, cancellationToken);
            return values.GetValueOrDefault(DocumentStatus.Field) as string == DocumentStatus.Submitted && placed.Access is not null
                   && ReachOf(schema, entity, placed, RecordAction.Update).Covers(values)
                   && CheckAccess.ChangeableWhenSubmitted(schema, entity, placed) is { Fields.Count: > 0 } open
                ? new RecordHold(reason, open.Fields)
                : RecordHold.Complete(reason);
        }

        return entity is null ? null : await Steps.Access.HoldAsync(entity, id, actor, cancellationToken);
    }
}
