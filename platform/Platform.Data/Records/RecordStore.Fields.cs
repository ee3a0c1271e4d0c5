using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>The fields of <paramref name="entity"/> the actor may not see or change (nothing for the platform).</summary>
    internal static FieldAccess FieldsOf(EntityDefinition entity, Actor? actor) =>
        actor is null ? FieldAccess.Open : FieldAccess.Of(entity, actor.Rights);

    /// <summary>How a form shows fields the actor may not see (hidden) or change (read-only), over what the form's conditions said.</summary>
    internal static void Restrict(Dictionary<string, FieldState> states, FieldAccess fields)
    {
        foreach (var (name, state) in states.ToList())
        {
            if (!fields.MayRead(name))
            {
                states[name] = state with { Visible = false, ReadOnly = true };
            }
            else if (!fields.MayChange(name))
            {
                states[name] = state with { ReadOnly = true };
            }
        }
    }

    /// <summary>Takes out of a presented record, and out of each of its lines, the fields the actor may not see.</summary>
    internal static void HideFrom(RecordsSchema schema, EntityDefinition entity, IDictionary<string, object?> record, Actor? actor)
    {
        if (actor is null || actor.Rights.Unrestricted)
        {
            return;
        }

        FieldsOf(entity, actor).StripInPlace(record);
        foreach (var field in entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name && record.ContainsKey(f.Name)))
        {
            var lines = FieldsOf(schema.Find(field.Target!)!, actor);
            foreach (var line in (record[field.Name] as System.Collections.IEnumerable)?.OfType<IDictionary<string, object?>>() ?? [])
            {
                lines.StripInPlace(line);
            }
        }
    }

    /// <summary>
    /// The trail as the actor may read it: changes of fields they may not see left out, and those fields taken out of the values a
    /// record was created with.
    /// </summary>
    private static List<AuditEntry> HiddenLeftOut(List<AuditEntry> trail, RecordsSchema schema, Actor actor)
    {
        var access = new Dictionary<string, FieldAccess>(StringComparer.Ordinal);
        FieldAccess Of(string key) => access.TryGetValue(key, out var known) ? known
            : access[key] = schema.Find(key) is { } entity ? FieldsOf(entity, actor) : FieldAccess.Open;

        var shown = new List<AuditEntry>(trail.Count);
        foreach (var entry in trail)
        {
            var fields = Of(entry.EntityKey);
            if (entry.Field is { } field && !fields.MayRead(field))
            {
                continue;
            }

            if (entry.Field is null && entry.Action == "create" && fields.Hidden.Count > 0 && entry.NewValue is { } created)
            {
                var values = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string?>>(created) ?? [];
                entry.NewValue = System.Text.Json.JsonSerializer.Serialize(values.Where(v => fields.MayRead(v.Key)).ToDictionary(v => v.Key, v => v.Value));
            }

            shown.Add(entry);
        }

        return shown;
    }
}
