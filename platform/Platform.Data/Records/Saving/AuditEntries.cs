using System.Text.Json;
using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>The audit trail's entries for what a save does: one per new, deleted or restored row, one per changed field.</summary>
internal static class AuditEntries
{
    /// <param name="parentId">For a line: its record, whose trail shows the line's changes too.</param>
    public static AuditEntry Of(EntityDefinition entity, Dictionary<string, object> row, string action, Actor actor, DateTimeOffset at,
        string? field, object? oldValue, object? newValue, Guid? parentId = null) =>
        new()
        {
            EntityKey = entity.Name.ToLowerInvariant(), RecordId = (Guid)row[SystemFields.Id], ParentRecordId = parentId, Action = action, Field = field,
            OldValue = RecordRows.Invariant(oldValue), NewValue = RecordRows.Invariant(newValue), At = at, UserId = actor.UserId, UserName = actor.Name,
        };

    /// <summary>Every value a row holds, as one JSON object (a new or removed row's single entry).</summary>
    public static string ValuesJson(EntityDefinition entity, Dictionary<string, object> row) =>
        JsonSerializer.Serialize(entity.LiveFields.Where(f => row.GetValueOrDefault(f.Name) is not null).ToDictionary(f => f.Name, f => RecordRows.Invariant(row[f.Name])));
}
