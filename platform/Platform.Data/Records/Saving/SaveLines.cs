using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The lines stage of a save, after the record's own checks: brings the lines of every lines field
/// sent to the list given — listed lines with an id are changed, lines without one are added, lines
/// left out are removed, and the list order becomes the line numbers. Each line passes the row checks
/// and its own rules (amount = quantity × price) before its record's rules, which may sum it. Errors
/// name the line, e.g. <c>lines[2].quantity</c>; everything is tracked and saved with the record in
/// one transaction.
/// </summary>
internal sealed class SaveLines(RowChecks checks, RunRules rules, IStringLocalizer localizer)
{
    /// <summary>One line as sent: its id when it already exists, and the values to set.</summary>
    private sealed record LineInput(Guid? Id, Dictionary<string, object?> Values);

    /// <param name="record">The record's save, its own values already checked.</param>
    /// <param name="audit">Receives the entries of the lines added, changed and removed.</param>
    /// <param name="run">The record's rule run, when it or its lines have rules: receives every lines field's lines, in order.</param>
    public async Task<List<RecordFieldError>> ApplyAsync(RowSave record, DateTimeOffset now, List<AuditEntry> audit, RuleRun? run, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var (records, row, actor) = (record.Records, record.Row, record.Actor);
        var parentId = (Guid)row[SystemFields.Id];
        foreach (var field in record.Entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            var lineEntity = records.Schema.Find(field.Target!)!;
            if (!record.Values.TryGetValue(field.Name, out var input) && !record.Creating && run is not null && EntityScripts.For(lineEntity).FormulasReadParent)
            {
                // Line formulas that read the document (prices entered with tax or without) follow it: its stored lines
                // go through their rules again, unchanged but for what those formulas compute now.
                input = (await LiveLines(records, lineEntity.Name, parentId).AsNoTracking()
                        .OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber))
                        .Select(r => EF.Property<Guid>(r, SystemFields.Id))
                        .ToListAsync(cancellationToken))
                    .Select(id => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { [SystemFields.Id] = id })
                    .ToList();
            }

            if (input is null && !record.Values.ContainsKey(field.Name))
            {
                if (record.Creating && field.Required)
                {
                    errors.Add(new(field.Name, localizer["Records.Error.Required"]));
                }

                if (run is not null && !record.Creating)
                {
                    // Unchanged lines still count for the parent's formulas (an order total).
                    run.Lines[field.Name] = await LiveLines(records, field.Target!, parentId).AsNoTracking()
                        .OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber))
                        .ToListAsync(cancellationToken);
                }

                continue;
            }

            if (Read(input) is not { } lines)
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

            var ordered = new List<Dictionary<string, object>>();
            if (run is not null)
            {
                run.Lines[field.Name] = ordered;
            }

            var existing = record.Creating ? [] : await LiveLines(records, lineEntity.Name, parentId).ToListAsync(cancellationToken);
            var parent = RecordRows.Present(record.Entity, row); // the document as its lines' scripts see it
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
                    lineRow = RowStamps.New(actor, now);
                    lineRow[SystemFields.Owner] = row.GetValueOrDefault(SystemFields.Owner)!;
                    lineRow[SystemFields.Department] = row.GetValueOrDefault(SystemFields.Department)!;
                    lineRow[SystemFields.ParentId] = parentId;
                }

                var lineSave = new RowSave(records, lineEntity, lineRow, before, line.Values, actor);
                await checks.LineAsync(lineSave, cancellationToken);
                var lineErrors = lineSave.Errors;
                lineRow[SystemFields.LineNumber] = i + 1;
                if (run is not null && (lineErrors.Count == 0 || run.Preview))
                {
                    // A line's formulas (amount = quantity × price) and validations; the record's run after all lines.
                    var known = lineErrors.Select(e => e.Field).ToHashSet();
                    lineErrors.AddRange(rules.Run(lineEntity, lineRow, before, run.ForLine(parent, $"{at}."), line.Values, beforeSave: false).Where(e => !known.Contains(e.Field)));
                }

                errors.AddRange(lineErrors.Select(e => e with { Field = e.Field is null ? at : $"{at}.{e.Field}" }));
                ordered.Add(lineRow);
                if (before is null)
                {
                    records.NewRows.Add((lineEntity, lineRow));
                    run?.ChangedLines.Add(field.Name);
                    audit.Add(AuditEntries.Of(lineEntity, lineRow, "create", actor, now, null, null, AuditEntries.ValuesJson(lineEntity, lineRow), parentId));
                    continue;
                }

                var changed = lineEntity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HasColumn).Select(f => f.Name).Append(SystemFields.LineNumber)
                    .Where(name => !Equals(before.GetValueOrDefault(name), lineRow.GetValueOrDefault(name)))
                    .ToList();
                if (changed.Count > 0)
                {
                    RowStamps.Changed(records, lineRow, (int)before[SystemFields.RowVersion], actor, now);
                    run?.ChangedLines.Add(field.Name);
                    audit.AddRange(changed.Select(name => AuditEntries.Of(lineEntity, lineRow, "update", actor, now, name, before.GetValueOrDefault(name), lineRow.GetValueOrDefault(name), parentId)));
                }
            }

            foreach (var removed in existing.Where(r => !kept.Contains((Guid)r[SystemFields.Id])))
            {
                // A line taken out of the list is gone (it was part of the parent's value); its values stay in the audit trail.
                run?.ChangedLines.Add(field.Name);
                audit.Add(AuditEntries.Of(lineEntity, removed, "delete", actor, now, null, AuditEntries.ValuesJson(lineEntity, removed), null, parentId));
                records.Set<Dictionary<string, object>>(lineEntity.Name).Remove(removed);
            }
        }

        return errors;
    }

    private static IQueryable<Dictionary<string, object>> LiveLines(RecordsDbContext records, string lineEntity, Guid parentId) =>
        records.Set<Dictionary<string, object>>(lineEntity)
            .Where(r => EF.Property<Guid?>(r, SystemFields.ParentId) == parentId && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null);

    /// <summary>The lines as sent — a JSON array of objects or a list of value maps — or null when it is neither.</summary>
    private static List<LineInput?>? Read(object? input) => input switch
    {
        null or JsonElement { ValueKind: JsonValueKind.Null } => [],
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Object ? (LineInput?)Line(e.EnumerateObject().Select(p => (p.Name, (object?)p.Value))) : null)
            .ToList(),
        IEnumerable<IReadOnlyDictionary<string, object?>> maps => maps.Select(m => (LineInput?)Line(m.Select(p => (p.Key, p.Value)))).ToList(),
        // From a script (an action copying an order's lines): a list of plain objects; anything else in it is not a line.
        IEnumerable<object?> items => items.Select(i => i is IReadOnlyDictionary<string, object?> m ? (LineInput?)Line(m.Select(p => (p.Key, p.Value))) : null).ToList(),
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
}
