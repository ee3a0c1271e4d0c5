using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class SchemaManager
{
    /// <summary>Whether a field may change from one type to the other keeping its values (<see cref="Core.Fields.FieldType.CanChangeTo"/>).</summary>
    public static bool CanConvert(string from, string to) =>
        from == to || (FieldTypes.Find(from) is { } before && FieldTypes.Find(to) is { } after && before.CanChangeTo(after));

    /// <summary>A change whose stored type differs moves the values to a new column (converted on the way); others change the column in place.</summary>
    internal static bool MovesColumn(FieldDefinition previous, FieldDefinition field) =>
        FieldTypes.StorageOf(previous).ClrType != FieldTypes.StorageOf(field).ClrType;

    /// <summary>Whether existing values might not fit the new definition: a new type, less room, new limits, or choices taken away.</summary>
    private static bool NarrowsValues(FieldDefinition previous, FieldDefinition field)
    {
        var type = FieldTypes.StorageOf(field);
        var before = FieldTypes.StorageOf(previous);
        return previous.Type != field.Type
            || (field.MaxLength ?? type.DefaultMaxLength ?? int.MaxValue) < (previous.MaxLength ?? before.DefaultMaxLength ?? int.MaxValue)
            || field.Precision != previous.Precision || field.Scale != previous.Scale
            || (field.Min is not null && field.Min != previous.Min) || (field.Max is not null && field.Max != previous.Max)
            || (field.Pattern is not null && field.Pattern != previous.Pattern)
            || (previous.Choices ?? []).Any(c => field.Choices?.Any(n => n.Value == c.Value) != true);
    }

    /// <summary>
    /// Every existing value must convert to the new definition; otherwise the change is refused,
    /// naming (up to ten of) the records that block it with their value and the reason.
    /// </summary>
    private async Task<List<MetadataError>> ValuesBlockingChangeAsync(RecordsDbContext before, EntityDefinition current, EntityDefinition target, Dictionary<FieldDefinition, FieldDefinition> matches, CancellationToken cancellationToken)
    {
        var errors = new List<MetadataError>();
        var title = current.TitleField is { } t && current.LiveField(t) is { Column: not null } titleField ? titleField.Name : null;
        for (var i = 0; i < target.Fields.Count; i++)
        {
            var field = target.Fields[i];
            if (field.Removed || !matches.TryGetValue(field, out var previous) || FieldTypes.Find(field.Type)?.HasColumn != true || !NarrowsValues(previous, field))
            {
                continue;
            }

            var name = previous.Name;
            var rows = await before.Set<Dictionary<string, object>>(current.Name).AsNoTracking()
                .Where(r => EF.Property<object>(r, name) != null)
                .Select(r => new { Id = EF.Property<Guid>(r, SystemFields.Id), Value = EF.Property<object>(r, name), Title = title == null ? null : EF.Property<object>(r, title) })
                .ToListAsync(cancellationToken);
            var blocking = new List<string>();
            var count = 0;
            foreach (var row in rows)
            {
                if (!converter.TryConvert(field, RecordRows.Invariant(row.Value), out _, out var problem))
                {
                    count++;
                    if (blocking.Count < 10)
                    {
                        blocking.Add($"{(row.Title is null ? row.Id.ToString() : $"'{RecordRows.Invariant(row.Title)}'")} ({RecordRows.Invariant(row.Value)}): {problem}");
                    }
                }
            }

            if (count > 0)
            {
                errors.Add(new($"$.fields[{i}].type", $"'{field.Name}' cannot change this way: {count} record(s) hold values that do not fit — {string.Join("; ", blocking)}{(count > 10 ? "; …" : "")}. Change those records first.")
                {
                    Code = "schema.valuesDoNotFit", Arguments = [field.Name, count, string.Join("; ", blocking) + (count > 10 ? "; …" : "")],
                });
            }
        }

        return errors;
    }

    /// <summary>
    /// The schema between the two steps of a type change: the new column added beside the old one
    /// (kept under a private name) so the values can be copied across before the old column goes.
    /// </summary>
    private static EntityDefinition WithPreviousColumns(EntityDefinition target, IReadOnlyList<(FieldDefinition Field, FieldDefinition Previous)> moves)
    {
        var between = MetadataJson.Copy(target);
        foreach (var (_, previous) in moves)
        {
            var kept = MetadataJson.Read(MetadataJson.Write(new EntityDefinition { Fields = [previous] })).Fields[0];
            kept.Name = PreviousName(previous);
            kept.Removed = true;
            between.Fields.Add(kept);
        }

        return between;
    }

    private static string PreviousName(FieldDefinition previous) => $"__previous_{previous.Column}";

    /// <summary>Copies every value of a moved field to its new column, converted (the checks already passed), in batches.</summary>
    private async Task CopyConvertedAsync(RecordsDbContext between, EntityDefinition entity, IReadOnlyList<(FieldDefinition Field, FieldDefinition Previous)> moves, CancellationToken cancellationToken)
    {
        var set = between.Set<Dictionary<string, object>>(entity.Name);
        var ids = await set.Select(r => EF.Property<Guid>(r, SystemFields.Id)).ToListAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(500))
        {
            var rows = await set.Where(r => chunk.Contains(EF.Property<Guid>(r, SystemFields.Id))).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                foreach (var (field, previous) in moves)
                {
                    if (row.GetValueOrDefault(PreviousName(previous)) is { } old && converter.TryConvert(field, RecordRows.Invariant(old), out var value, out _))
                    {
                        row[field.Name] = value!;
                    }
                }
            }

            await between.SaveChangesAsync(cancellationToken);
            between.ChangeTracker.Clear();
        }
    }
}
