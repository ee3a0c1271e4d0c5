using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records.Documents;

namespace Platform.Data.Records;

/// <summary>
/// Submitting, cancelling and amending documents (<see cref="IRecordSubmission"/>). The person needs the entity's Submit or
/// Cancel right and the right to change this record; the status is then written by an ordinary save — rules, checks, audit and
/// the modules' save handlers (stock postings) in its transaction — made with every right under the person's name, since the
/// status field is read-only to people.
/// </summary>
public sealed partial class RecordStore : IRecordSubmission
{
    public Task<RecordResult> SubmitAsync(string entityName, Guid id, int rowVersion, Actor actor, CancellationToken cancellationToken = default) =>
        StepAsync(entityName, id, rowVersion, actor, DocumentStatus.Draft, DocumentStatus.Submitted, cancellationToken);

    public Task<RecordResult> CancelAsync(string entityName, Guid id, int rowVersion, Actor actor, CancellationToken cancellationToken = default) =>
        StepAsync(entityName, id, rowVersion, actor, DocumentStatus.Submitted, DocumentStatus.Cancelled, cancellationToken);

    public async Task<RecordResult> AmendAsync(string entityName, Guid id, Actor actor, CancellationToken cancellationToken = default)
    {
        var (entity, document, refused) = await DocumentAsync(entityName, id, actor, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (document![DocumentStatus.Field] as string != DocumentStatus.Cancelled)
        {
            return RecordResult.Fail(RecordOutcome.Locked, localizer["Records.Document.Error.NotCancelled"]);
        }

        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var values = Copied(schema, entity!, document);
        values[DocumentStatus.AmendedFrom] = id;
        return await CreateAsync(entity!.Name, values, actor, null, documentStep: true, cancellationToken);
    }

    private async Task<RecordResult> StepAsync(string entityName, Guid id, int rowVersion, Actor actor, string from, string to, CancellationToken cancellationToken)
    {
        var (entity, document, refused) = await DocumentAsync(entityName, id, actor, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (document![DocumentStatus.Field] as string != from)
        {
            return RecordResult.Fail(RecordOutcome.Locked, localizer[to == DocumentStatus.Submitted ? "Records.Document.Error.NotDraft" : "Records.Document.Error.NotSubmitted"]);
        }

        // The right to submit (or cancel) documents of the entity, and to change this one were it a draft.
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var right = to == DocumentStatus.Submitted ? RecordPermissions.Submit(PermissionEntity(schema, entity!)) : RecordPermissions.Cancel(PermissionEntity(schema, entity!));
        var placed = await _org.PlaceAsync(actor, cancellationToken);
        var row = document.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!);
        if (!placed.Rights.Holds(right) || !ReachOf(schema, entity!, placed, RecordAction.Update).Covers(row))
        {
            return RecordResult.Fail(RecordOutcome.Forbidden, localizer[to == DocumentStatus.Submitted ? "Records.Document.Error.MayNotSubmit" : "Records.Document.Error.MayNotCancel",
                entity!.Label.For(CultureInfo.CurrentUICulture.Name)]);
        }

        // The status is read-only to people: the save is made with every right, stamped with the person.
        var doer = placed with { Access = null, Org = null };
        return await UpdateAsync(entity!.Name, id, rowVersion, new Dictionary<string, object?> { [DocumentStatus.Field] = to }, doer, documentStep: true, cancellationToken);
    }

    /// <summary>The document as the person may read it, or why there is none to step on.</summary>
    private async Task<(EntityDefinition? Entity, IReadOnlyDictionary<string, object?>? Document, RecordResult? Refused)> DocumentAsync(string entityName, Guid id, Actor actor,
        CancellationToken cancellationToken)
    {
        var entity = (await schemas.LoadSchemaAsync(cancellationToken)).Find(entityName);
        if (entity is null)
        {
            return (null, null, UnknownEntity(entityName));
        }

        if (!entity.Submittable)
        {
            return (entity, null, RecordResult.Fail(RecordOutcome.Invalid, localizer["Records.Document.Error.NotSubmittable", entity.Label.For(CultureInfo.CurrentUICulture.Name)]));
        }

        var document = await GetAsync(entity.Name, id, actor: actor, cancellationToken: cancellationToken);
        return document is null ? (entity, null, RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"])) : (entity, document, null);
    }

    /// <summary>What an amendment starts from: every value the person may read — lines too — but numbers, formulas, files (they belong to the cancelled one) and the status.</summary>
    private static Dictionary<string, object?> Copied(RecordsSchema schema, EntityDefinition entity, IReadOnlyDictionary<string, object?> document)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in Kept(entity))
        {
            if (field.Type == FieldTypes.Lines.Name)
            {
                var lineEntity = schema.Find(field.Target!)!;
                values[field.Name] = (document.GetValueOrDefault(field.Name) as IEnumerable<IReadOnlyDictionary<string, object?>> ?? [])
                    .Select(line => (object?)Kept(lineEntity).Where(f => f.Type != FieldTypes.Lines.Name).ToDictionary(f => f.Name, f => line.GetValueOrDefault(f.Name), StringComparer.Ordinal))
                    .ToList();
            }
            else if (document.ContainsKey(field.Name))
            {
                values[field.Name] = document[field.Name];
            }
        }

        return values;
    }

    private static IEnumerable<FieldDefinition> Kept(EntityDefinition entity) =>
        entity.LiveFields.Where(f => FieldTypes.Find(f.Type) is { HasColumn: true } type && type != FieldTypes.AutoNumber && type != FieldTypes.Computed
                                        && type != FieldTypes.Attachment && type != FieldTypes.Image
                                     || f.Type == FieldTypes.Lines.Name)
            .Where(f => f.Name is not (DocumentStatus.Field or DocumentStatus.AmendedFrom) && f.Formula is null);
}
