using System.Text.Json;
using Microsoft.Extensions.Localization;
using Platform.Core.Security;
using Platform.Ocr.Templates;
using Platform.Records;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Records;

/// <summary>What one run of "create the records" did with a batch's sheets.</summary>
public sealed record SheetRecordRun(int Created, int Refused, int Duplicates, int Waiting, int AlreadyMade);

/// <summary>
/// Confirmed sheets become records through the record service — checked, numbered, audited and passed to rules and
/// workflows as any save — one sheet per transaction, so one refused sheet keeps nothing and stops nothing. A sheet is
/// confirmed when none of its cells carries a flag nobody confirmed. The same sheet scanned twice (the template's duplicate
/// key) is refused, naming the sheet that already became a record.
/// </summary>
public sealed class SheetRecordService(IScanBatchStore store, IRecordStore records, ISchemaManager schemas, IStringLocalizer text, TimeProvider clock)
{
    public async Task<SheetRecordRun> CreateAsync(Guid batchId, Actor actor, CancellationToken cancellationToken)
    {
        var batch = await store.FindBatchAsync(batchId, cancellationToken) ?? throw new CaptureRefusedException("OcrCapture.Error.NoBatch");
        var (template, mapping, view) = await MappingAsync(batch, cancellationToken);
        var (created, refused, duplicates, waiting, made) = (0, 0, 0, 0, 0);
        foreach (var page in (await store.PagesAsync(batchId, cancellationToken)).Where(p => p.State == ScannedPageStates.Read))
        {
            if (page.RecordId is not null)
            {
                made++;
                continue;
            }

            var cells = await store.CellsOfPageAsync(page.Id, cancellationToken);
            if (!IsConfirmed(cells))
            {
                waiting++;
                continue;
            }

            var sheet = SheetRecord.Of(template, mapping, view, cells, SheetName(batch, page), page.Id.ToString(), text);
            await sheet.ResolveLookupsAsync((entity, by, values) => FindAsync(entity, by, values, actor, cancellationToken), text);
            var outcome = await CreateOneAsync(batch, page, sheet, mapping.Entity, actor, cancellationToken);
            (created, refused, duplicates) = outcome switch
            {
                Outcome.Created => (created + 1, refused, duplicates),
                Outcome.Duplicate => (created, refused, duplicates + 1),
                _ => (created, refused + 1, duplicates),
            };
        }

        return new SheetRecordRun(created, refused, duplicates, waiting, made);
    }

    /// <summary>True when nothing on the sheet waits for a person: every flagged cell was confirmed.</summary>
    public static bool IsConfirmed(IReadOnlyList<ReadCell> cells) => cells.All(c => c.Confirmed || c.Flags.Length == 0);

    /// <summary>Where a record came from, as its sheet field shows it.</summary>
    public static string SheetName(ScanBatch batch, ScannedPage page) => $"{batch.Name} #{page.Ordinal}";

    /// <summary>The batch's template and its record mapping, checked against the entities as they are now.</summary>
    public async Task<(FormTemplate Template, SheetMapping Mapping, RecordsSchemaView View)> MappingAsync(ScanBatch batch, CancellationToken cancellationToken)
    {
        var template = FormTemplate.Parse(batch.Template, batch.TemplateName);
        SheetMapping? mapping;
        try
        {
            mapping = SheetMapping.Of(template.Records);
        }
        catch (JsonException e)
        {
            throw new CaptureRefusedException("OcrCapture.Error.MappingBroken", e.Message);
        }

        if (mapping is null)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NoMapping", batch.TemplateName);
        }

        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        if (SheetMappingCheck.Problems(template, mapping, schema) is { Count: > 0 } problems)
        {
            throw new CaptureRefusedException("OcrCapture.Error.MappingBroken", string.Join(" ", Templates.TemplateProblemText.Of(text, problems)));
        }

        var entity = schema.Find(mapping.Entity)!;
        var lineEntity = mapping.Lines is { } lines ? schema.Find(entity.Fields.First(f => f.Name == lines.Field).Target!) : null;
        return (template, mapping, new RecordsSchemaView(entity, lineEntity));
    }

    private enum Outcome { Created, Refused, Duplicate }

    /// <summary>The records of <paramref name="entity"/> the actor may read whose field <paramref name="by"/> holds one of the values (compared trimmed).</summary>
    private async Task<(ILookup<string, Guid>, Platform.Core.Metadata.LocalizedText)> FindAsync(string entity, string by, IReadOnlyCollection<string> values, Actor actor, CancellationToken cancellationToken)
    {
        await using var reader = await records.OpenReaderAsync(entity, actor, cancellationToken);
        if (reader is null || reader.Forbidden || reader.Entity.LiveField(by) is not { } field)
        {
            return (Array.Empty<(string, Guid)>().ToLookup(p => p.Item1, p => p.Item2), []);
        }

        var found = await reader.FindByAsync(reader.Entity, by, values, cancellationToken);
        return (found.Where(r => r.GetValueOrDefault(by) is not null)
            .ToLookup(r => Platform.Records.Query.Spreadsheets.PlainText.Of(r[by]).Trim(), r => (Guid)r[Platform.Core.Metadata.SystemFields.Id]!, StringComparer.Ordinal), field.Label);
    }

    private async Task<Outcome> CreateOneAsync(ScanBatch batch, ScannedPage page, SheetRecord sheet, string entity, Actor actor, CancellationToken cancellationToken)
    {
        if (sheet.Problems.Count > 0)
        {
            await KeepProblemsAsync(page, sheet.Problems, cancellationToken);
            return Outcome.Refused;
        }

        if (await store.FindRecordedAsync(sheet.Key, cancellationToken) is { } first)
        {
            if (first.RecordId is { } earlier && await records.GetAsync(entity, earlier, includeDeleted: true, cancellationToken: cancellationToken) is not null)
            {
                var firstBatch = first.BatchId == batch.Id ? batch : await store.FindBatchAsync(first.BatchId, cancellationToken);
                await KeepProblemsAsync(page, [SheetProblem.InEveryLanguage(null, text, "OcrCapture.Records.Duplicate", () => [firstBatch?.Name ?? "", first.Ordinal])], cancellationToken);
                return Outcome.Duplicate;
            }

            await store.ReleaseRecordAsync(first.Id, cancellationToken); // its record is gone for good: the sheet may be made again
        }

        await using var transaction = await records.BeginTransactionAsync(cancellationToken);
        var result = await records.CreateAsync(entity, sheet.Values, actor, cancellationToken);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync();
            await KeepProblemsAsync(page, [.. result.Errors.Select(e => new SheetProblem(sheet.CellOf(e.Field), e.Message))], cancellationToken);
            return Outcome.Refused;
        }

        if (!await store.RecordAsync(page.Id, (Guid)result.Record![Platform.Core.Metadata.SystemFields.Id]!, sheet.Key, clock.GetUtcNow(), cancellationToken))
        {
            await transaction.RollbackAsync();
            return Outcome.Duplicate; // made by another run at the same moment, or its twin was
        }

        await transaction.CommitAsync(cancellationToken);
        return Outcome.Created;
    }

    private Task KeepProblemsAsync(ScannedPage page, IReadOnlyList<SheetProblem> problems, CancellationToken cancellationToken)
    {
        // As many as the column holds (4,000 characters): the first problems are what the verifier starts with.
        var json = JsonSerializer.Serialize(problems, JsonSerializerOptions.Web);
        for (var count = problems.Count - 1; json.Length > 4000 && count > 0; count--)
        {
            json = JsonSerializer.Serialize(problems.Take(count), JsonSerializerOptions.Web);
        }

        if (json.Length > 4000)
        {
            json = JsonSerializer.Serialize(new[] { new SheetProblem(problems[0].Path, problems[0].Message[..Math.Min(problems[0].Message.Length, 1000)]) }, JsonSerializerOptions.Web);
        }

        return store.SetRecordProblemsAsync(page.Id, json, cancellationToken);
    }
}
