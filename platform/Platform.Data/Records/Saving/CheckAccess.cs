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
/// holds (an approval's lock) "locked", and one changed since it was read a "conflict". A hold may let
/// the person it is offered to change some fields (an approver's step), and then only those.
/// </summary>
internal sealed class CheckAccess(IEnumerable<IRecordSaveHandler> handlers, IStringLocalizer localizer)
{
    /// <summary>Why the actor may not create a record of <paramref name="entity"/>; null when they may.</summary>
    public RecordResult? RefuseCreate(RecordsSchema schema, EntityDefinition entity, Actor actor) =>
        RecordStore.ScopeOf(schema, entity, actor, RecordAction.Create) == RecordScope.None ? Forbidden(entity) : null;

    /// <summary>
    /// Whether the actor may <paramref name="action"/> this existing record now: refused (why), or allowed —
    /// to every field, or, where a hold lets them change some fields (their approval step), to those only.
    /// </summary>
    /// <param name="documentStep">True for the save of a submit, cancel or amend, which a document's status does not hold.</param>
    public async Task<ChangeAccess> CheckChangeAsync(RecordsSchema schema, EntityDefinition entity, Dictionary<string, object> row, int expectedRowVersion,
        RecordAction action, Actor actor, CancellationToken cancellationToken, bool documentStep = false)
    {
        var may = RecordStore.ReachOf(schema, entity, actor, action).Covers(row);
        if (!may && !RecordStore.ReachOf(schema, entity, actor, RecordAction.Read).Covers(row))
        {
            return ChangeAccess.Refuse(RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]));
        }

        ChangeAccess? submitted = null;
        if (!documentStep && DocumentHold(entity, row, action) is { } held)
        {
            // A submitted document still takes changes to what may change after submission (by whoever may change it).
            if (action != RecordAction.Update || !may || row.GetValueOrDefault(DocumentStatus.Field) as string != DocumentStatus.Submitted
                || ChangeableWhenSubmitted(schema, entity, actor) is not { } open)
            {
                return ChangeAccess.Refuse(RecordResult.Fail(RecordOutcome.Locked, held));
            }

            submitted = new ChangeAccess(null, open.Fields, open.LineFields, held);
        }

        var hold = await HoldAsync(entity, (Guid)row[SystemFields.Id], actor, cancellationToken);
        var editable = hold is { AllowsSome: true } && action == RecordAction.Update ? hold.Editable : null;
        if (!may && editable is null)
        {
            return ChangeAccess.Refuse(Forbidden(entity));
        }

        if (hold is not null && editable is null)
        {
            return ChangeAccess.Refuse(RecordResult.Fail(RecordOutcome.Locked, hold.Reason));
        }

        return (int)row[SystemFields.RowVersion] != expectedRowVersion
            ? ChangeAccess.Refuse(RecordResult.Fail(RecordOutcome.Conflict, localizer["Records.Error.Conflict"]))
            : submitted ?? new ChangeAccess(null, editable);
    }

    /// <summary>
    /// What may change on a submitted document of <paramref name="entity"/>: its fields and its lines' fields marked allow-on-submit,
    /// and — for the platform itself — what fulfilment keeps up to date (delivered quantities, percentages); never what its stock
    /// postings read. Null when nothing may.
    /// </summary>
    public static (IReadOnlySet<string> Fields, IReadOnlySet<(string Line, string Field)> LineFields)? ChangeableWhenSubmitted(RecordsSchema schema, EntityDefinition entity, Actor actor)
    {
        var posted = (entity.Stock?.Postings ?? []).SelectMany(p => p.References().Select(r => r.Reference)).ToHashSet(StringComparer.Ordinal);
        // People are not offered what is always read-only to them (a status a rule keeps); the platform writes those.
        bool Kept(FieldDefinition field) => !posted.Contains(field.Name) && !posted.Contains(Core.Metadata.Stock.StockPosting.DocumentPrefix + field.Name)
                                            && (actor.Access is null || field.ReadOnlyWhen?.Trim() != "true");
        var fields = entity.LiveFields.Where(f => f.AllowOnSubmit && Kept(f)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var lineFields = new HashSet<(string, string)>();
        foreach (var lines in entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name))
        {
            if (schema.Find(lines.Target!) is { } line)
            {
                lineFields.UnionWith(line.LiveFields.Where(f => f.AllowOnSubmit && Kept(f)).Select(f => (line.Name.ToLowerInvariant(), f.Name)));
            }
        }

        if (actor.Access is null)
        {
            var (maintained, maintainedLines) = Platform.Records.Documents.FulfilmentLink.Maintained(schema, entity);
            fields.UnionWith(maintained);
            lineFields.UnionWith(maintainedLines.Select(l => (l.Line.ToLowerInvariant(), l.Field)));
        }

        return fields.Count + lineFields.Count == 0 ? null : (fields, lineFields);
    }

    /// <summary>
    /// After the values are taken: a change allowed to some fields only that reaches others is refused,
    /// each field named. Formulas follow what they are computed from and lines count as their lines field.
    /// </summary>
    public RecordResult? RefuseOutside(ChangeAccess access, EntityDefinition entity, IEnumerable<string> changed, IEnumerable<AuditEntry> lineChanges, RecordsSchema schema)
    {
        if (access.Only is not { } only)
        {
            return null;
        }

        var linesFields = entity.LiveFields.Where(f => f.Type == FieldTypes.Lines.Name)
            .ToDictionary(f => schema.Find(f.Target!)?.Name.ToLowerInvariant() ?? "", f => f.Name, StringComparer.Ordinal);
        // A line changed in place in fields open to change (or computed from them) stays within what is allowed.
        bool InPlace(AuditEntry change) =>
            access.OnlyLines is { } open && change.Action == "update" && change.Field is { } field
            && (open.Contains((change.EntityKey, field)) || schema.Find(change.EntityKey)?.Field(field)?.Formula is not null);
        // What people can never type (formulas, fields always read-only to them) follows from what they changed, by rules.
        var reached = changed.Where(name => entity.Field(name) is not { } field || field.Formula is null && field.ReadOnlyWhen?.Trim() != "true")
            .Concat(lineChanges.Where(a => !InPlace(a)).Select(a => linesFields.GetValueOrDefault(a.EntityKey)).OfType<string>())
            .Where(name => !only.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return reached.Count == 0
            ? null
            : new RecordResult(RecordOutcome.Locked, null, [.. reached.Select(name => new RecordFieldError(name, access.Outside ?? localizer["Records.Error.NotEditableNow"]))]);
    }

    /// <summary>
    /// Why a submittable document cannot be changed (or deleted) whoever asks — submitted: cancel it first; cancelled: amend it
    /// into a new draft (a cancelled one may still be deleted); null for a draft.
    /// </summary>
    public string? DocumentHold(EntityDefinition entity, IReadOnlyDictionary<string, object> row, RecordAction action) =>
        !entity.Submittable || action is not (RecordAction.Update or RecordAction.Delete) ? null
        : (row.GetValueOrDefault(DocumentStatus.Field) as string) switch
        {
            DocumentStatus.Submitted => localizer["Records.Document.Error.Submitted"].Value,
            DocumentStatus.Cancelled when action == RecordAction.Update => localizer["Records.Document.Error.Cancelled"].Value,
            _ => null,
        };

    public RecordResult Forbidden(EntityDefinition entity) =>
        RecordResult.Fail(RecordOutcome.Forbidden, localizer["Records.Error.Forbidden", entity.Label.For(CultureInfo.CurrentUICulture.Name)]);

    /// <summary>What holds the record against a person's change (an approval's lock), the first handler's answer; the platform's own actors are never held.</summary>
    public async Task<RecordHold?> HoldAsync(EntityDefinition entity, Guid id, Actor actor, CancellationToken cancellationToken)
    {
        if (actor.Access is null)
        {
            return null;
        }

        foreach (var handler in handlers.OrderBy(h => h.Order))
        {
            if (await handler.HoldAsync(entity.Name, id, actor, cancellationToken) is { } hold)
            {
                return hold;
            }
        }

        return null;
    }
}
