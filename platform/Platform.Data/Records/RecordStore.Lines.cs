using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records.Saving;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>One line as sent: its id when it already exists, and the values to set.</summary>
    private sealed record LineInput(Guid? Id, Dictionary<string, object?> Values);

    /// <summary>
    /// Brings the lines of every lines field named in <paramref name="values"/> to the list given:
    /// listed lines with an id are changed, lines without one are added, lines left out are removed,
    /// and the list order becomes the line numbers. Everything is tracked in <paramref name="records"/>
    /// and saved with the parent in one transaction; errors name the line, e.g. <c>lines[2].quantity</c>.
    /// </summary>
    private async Task<List<RecordFieldError>> ApplyLinesAsync(
        RecordsDbContext records, EntityDefinition entity, Dictionary<string, object> row, IReadOnlyDictionary<string, object?> values,
        bool creating, Actor actor, DateTimeOffset now, List<AuditEntry> audit, RuleRun? run, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var parentId = (Guid)row[SystemFields.Id];
        foreach (var field in entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            if (!values.TryGetValue(field.Name, out var input))
            {
                if (creating && field.Required)
                {
                    errors.Add(new(field.Name, localizer["Records.Error.Required"]));
                }

                if (run is not null && !creating)
                {
                    // Unchanged lines still count for the parent's formulas (an order total).
                    run.Lines[field.Name] = await records.Set<Dictionary<string, object>>(field.Target!).AsNoTracking()
                        .Where(r => EF.Property<Guid?>(r, SystemFields.ParentId) == parentId && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
                        .OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber))
                        .ToListAsync(cancellationToken);
                }

                continue;
            }

            if (ReadLines(input) is not { } lines)
            {
                errors.Add(new(field.Name, localizer["FieldTypes.Value.Not.lines"]));
                continue;
            }

            if (lines.Count > IRecordStore.MaxLines)
            {
                errors.Add(new(field.Name, localizer["Records.Error.TooManyLines", IRecordStore.MaxLines]));
                continue;
            }

            if (field.Required && lines.Count == 0)
            {
                errors.Add(new(field.Name, localizer["Records.Error.Required"]));
            }

            var lineEntity = records.Schema.Find(field.Target!)!;
            var ordered = new List<Dictionary<string, object>>();
            if (run is not null)
            {
                run.Lines[field.Name] = ordered;
            }

            var set = records.Set<Dictionary<string, object>>(lineEntity.Name);
            var existing = creating ? [] : await set
                .Where(r => EF.Property<Guid?>(r, SystemFields.ParentId) == parentId && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
                .ToListAsync(cancellationToken);
            var kept = new HashSet<Guid>();
            for (var i = 0; i < lines.Count; i++)
            {
                var at = $"{field.Name}[{i}]";
                if (lines[i] is not { } line)
                {
                    errors.Add(new(at, localizer["Records.Error.LineNotObject"]));
                    continue;
                }

                Dictionary<string, object> lineRow;
                Dictionary<string, object>? before = null;
                if (line.Id is { } lineId)
                {
                    var found = existing.FirstOrDefault(r => (Guid)r[SystemFields.Id] == lineId);
                    if (found is null || !kept.Add(lineId))
                    {
                        errors.Add(new($"{at}.id", localizer["Records.Error.NoSuchLine"]));
                        continue;
                    }

                    lineRow = found;
                    before = new Dictionary<string, object>(found);
                }
                else
                {
                    lineRow = NewRow(actor, now);
                    lineRow[SystemFields.Owner] = row.GetValueOrDefault(SystemFields.Owner)!;
                    lineRow[SystemFields.Department] = row.GetValueOrDefault(SystemFields.Department)!;
                    lineRow[SystemFields.ParentId] = parentId;
                }

                var lineSave = new RowSave(records, lineEntity, lineRow, before, line.Values, actor);
                await _checks.LineAsync(lineSave, cancellationToken);
                var lineErrors = lineSave.Errors;
                lineRow[SystemFields.LineNumber] = i + 1;
                if (run is not null && (lineErrors.Count == 0 || run.Preview))
                {
                    // A line's formulas (amount = quantity × price) and validations; the parent's run after all lines.
                    var lineRun = new RuleRun(run.User, run.Data, run.Actor, run.Schema) { Preview = run.Preview };
                    var known = lineErrors.Select(e => e.Field).ToHashSet();
                    lineErrors.AddRange(RunRules(lineEntity, lineRow, before, lineRun, line.Values, beforeSave: false).Where(e => !known.Contains(e.Field)));
                }

                errors.AddRange(lineErrors.Select(e => e with { Field = e.Field is null ? at : $"{at}.{e.Field}" }));
                ordered.Add(lineRow);
                if (before is null)
                {
                    records.NewRows.Add((lineEntity, lineRow));
                    audit.Add(Audit(lineEntity, lineRow, "create", actor, now, null, null, ValuesJson(lineEntity, lineRow), parentId));
                    continue;
                }

                var changed = lineEntity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HasColumn).Select(f => f.Name).Append(SystemFields.LineNumber)
                    .Where(name => !Equals(before.GetValueOrDefault(name), lineRow.GetValueOrDefault(name)))
                    .ToList();
                if (changed.Count > 0)
                {
                    Stamp(records, lineEntity, lineRow, (int)before[SystemFields.RowVersion], actor, now);
                    audit.AddRange(changed.Select(name => Audit(lineEntity, lineRow, "update", actor, now, name, before.GetValueOrDefault(name), lineRow.GetValueOrDefault(name), parentId)));
                }
            }

            foreach (var removed in existing.Where(r => !kept.Contains((Guid)r[SystemFields.Id])))
            {
                // A line taken out of the list is gone (it was part of the parent's value); its values stay in the audit trail.
                audit.Add(Audit(lineEntity, removed, "delete", actor, now, null, ValuesJson(lineEntity, removed), null, parentId));
                set.Remove(removed);
            }
        }

        return errors;
    }

    /// <summary>Moves the live lines of a record to the recycle bin with it, or brings back those that went with it.</summary>
    private static async Task MoveLinesWithParentAsync(RecordsDbContext records, EntityDefinition entity, Guid parentId, DateTimeOffset? parentDeletedAt, bool deleted, Actor actor, DateTimeOffset now, List<AuditEntry> audit, CancellationToken cancellationToken)
    {
        foreach (var field in entity.Fields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            var lineEntity = records.Schema.Find(field.Target!)!;
            var lines = await records.Set<Dictionary<string, object>>(lineEntity.Name)
                .Where(r => EF.Property<Guid?>(r, SystemFields.ParentId) == parentId && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == (deleted ? null : parentDeletedAt))
                .ToListAsync(cancellationToken);
            foreach (var line in lines)
            {
                var version = (int)line[SystemFields.RowVersion];
                line[SystemFields.DeletedAt] = deleted ? now : null!;
                Stamp(records, lineEntity, line, version, actor, now);
                audit.Add(Audit(lineEntity, line, deleted ? "delete" : "restore", actor, now, null, null, null, parentId));
            }
        }
    }

    /// <summary>Adds the live lines of each lines field to the presented records, in line order (one query per field).</summary>
    internal static async Task AddLinesAsync(RecordsDbContext records, EntityDefinition entity, IReadOnlyList<Dictionary<string, object?>> presented, CancellationToken cancellationToken)
    {
        if (presented.Count == 0)
        {
            return;
        }

        foreach (var field in entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            var lines = await LinesOfAsync(records, records.Schema.Find(field.Target!)!, presented.Select(p => (Guid)p[SystemFields.Id]!).ToList(), cancellationToken);
            foreach (var record in presented)
            {
                record[field.Name] = lines[(Guid)record[SystemFields.Id]!].ToList();
            }
        }
    }

    /// <summary>The live lines of the given parents, grouped by parent and ordered by line number.</summary>
    internal static async Task<ILookup<Guid, Dictionary<string, object?>>> LinesOfAsync(RecordsDbContext records, EntityDefinition lineEntity, IReadOnlyCollection<Guid> parentIds, CancellationToken cancellationToken)
    {
        var ids = parentIds.Select(id => (Guid?)id).ToList();
        var rows = await records.Set<Dictionary<string, object>>(lineEntity.Name).AsNoTracking()
            .Where(r => ids.Contains(EF.Property<Guid?>(r, SystemFields.ParentId)) && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null)
            .OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber))
            .ToListAsync(cancellationToken);
        return rows.ToLookup(r => (Guid)r[SystemFields.ParentId], r => Present(lineEntity, r));
    }

    /// <summary>The lines as sent — a JSON array of objects or a list of value maps — or null when it is neither.</summary>
    private static List<LineInput?>? ReadLines(object? input) => input switch
    {
        null or JsonElement { ValueKind: JsonValueKind.Null } => [],
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object ? (LineInput?)Line(e.EnumerateObject().Select(p => (p.Name, (object?)p.Value))) : null)
            .ToList(),
        IEnumerable<IReadOnlyDictionary<string, object?>> maps => maps.Select(m => (LineInput?)Line(m.Select(p => (p.Key, p.Value)))).ToList(),
        _ => null,
    };

    /// <summary>
    /// A line's values without what the platform maintains: clients may send back lines as they read
    /// them (row version, line number, parent, OData annotations).
    /// </summary>
    private static LineInput Line(IEnumerable<(string Name, object? Value)> properties)
    {
        Guid? id = null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            if (name == SystemFields.Id)
            {
                id = value switch
                {
                    Guid g => g,
                    string s when Guid.TryParse(s, out var g) => g,
                    JsonElement { ValueKind: JsonValueKind.String } e when Guid.TryParse(e.GetString(), out var g) => g,
                    _ => Guid.Empty, // names no line: reported as such
                };
            }
            else if (!name.Contains('@', StringComparison.Ordinal) && name is not (SystemFields.RowVersion or SystemFields.LineNumber or SystemFields.ParentId
                         or SystemFields.CreatedAt or SystemFields.CreatedBy or SystemFields.UpdatedAt or SystemFields.UpdatedBy or SystemFields.DeletedAt))
            {
                values[name] = value;
            }
        }

        return new LineInput(id, values);
    }

    private static string ValuesJson(EntityDefinition entity, Dictionary<string, object> row) =>
        JsonSerializer.Serialize(entity.LiveFields.Where(f => row.GetValueOrDefault(f.Name) is not null).ToDictionary(f => f.Name, f => Invariant(row[f.Name])));
}
