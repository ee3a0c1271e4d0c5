using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The first step of every save: may the actor do this at all, now? A new record needs the right to
/// create; a change (update, delete, restore) is answered as the API answers it — a record they may
/// not even read is "not found", one they may read but not change "forbidden", one a save handler
/// holds (an approval's lock) "locked", and one changed since it was read a "conflict".
/// </summary>
internal sealed class CheckAccess(IEnumerable<IRecordSaveHandler> handlers, IStringLocalizer localizer)
{
    /// <summary>Why the actor may not create a record of <paramref name="entity"/>; null when they may.</summary>
    public RecordResult? RefuseCreate(RecordsSchema schema, EntityDefinition entity, Actor actor) =>
        RecordStore.ScopeOf(schema, entity, actor, RecordAction.Create) == RecordScope.None ? Forbidden(entity) : null;

    /// <summary>Why the actor may not <paramref name="action"/> this existing record now; null when they may.</summary>
    public async Task<RecordResult?> RefuseChangeAsync(RecordsSchema schema, EntityDefinition entity, Dictionary<string, object> row, int expectedRowVersion,
        RecordAction action, Actor actor, CancellationToken cancellationToken)
    {
        if (!Covers(RecordStore.ScopeOf(schema, entity, actor, action), actor, row))
        {
            return Covers(RecordStore.ScopeOf(schema, entity, actor, RecordAction.Read), actor, row)
                ? Forbidden(entity)
                : RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        if (await LockedAsync(entity, (Guid)row[SystemFields.Id], actor, cancellationToken) is { } locked)
        {
            return locked;
        }

        return (int)row[SystemFields.RowVersion] != expectedRowVersion
            ? RecordResult.Fail(RecordOutcome.Conflict, localizer["Records.Error.Conflict"])
            : null;
    }

    public RecordResult Forbidden(EntityDefinition entity) =>
        RecordResult.Fail(RecordOutcome.Forbidden, localizer["Records.Error.Forbidden", entity.Label.For(CultureInfo.CurrentUICulture.Name)]);

    /// <summary>Whether <paramref name="scope"/> covers the record: all, the actor's department's, or the actor's own.</summary>
    public static bool Covers(RecordScope scope, Actor actor, Dictionary<string, object> row) => scope switch
    {
        RecordScope.All => true,
        RecordScope.Department => actor.DepartmentId is { } department && Equals(row.GetValueOrDefault(SystemFields.Department), department),
        RecordScope.Own => Equals(row.GetValueOrDefault(SystemFields.Owner), actor.UserId),
        _ => false,
    };

    /// <summary>A person's change to a record some handler holds (an approval's lock); the platform's own actors are never held.</summary>
    private async Task<RecordResult?> LockedAsync(EntityDefinition entity, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Access is null)
        {
            return null;
        }

        foreach (var handler in handlers.OrderBy(h => h.Order))
        {
            if (await handler.RefuseAsync(entity.Name, id, actor, cancellationToken) is { } reason)
            {
                return RecordResult.Fail(RecordOutcome.Locked, reason);
            }
        }

        return null;
    }
}
