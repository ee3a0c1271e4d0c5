using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Records.Documents;

namespace Platform.Data.Records.Fulfilment;

/// <summary>
/// Keeps what documents fulfil with their sources, in the transaction of the status change: submitting a delivery note recounts the
/// delivered quantity of every sales-order line it names (and the order's percentage), cancelling it recounts them without it. A
/// recount above a line's quantity and allowance, below nothing (a return larger than the delivery), or against a source document
/// not submitted refuses the step; so does cancelling a source document something fulfils, or lowering what it is to get under
/// what it got. What a person sees is the reason, naming the documents and lines.
/// </summary>
internal sealed class FulfilmentHandler(IServiceProvider services, IStringLocalizer localizer) : IRecordSaveHandler
{
    /// <summary>How many times a source document changed by another save meanwhile is read and recounted again.</summary>
    private const int Attempts = 5;

    /// <summary>Before stock postings: a delivery too large for its order is refused before it moves stock.</summary>
    public int Order => 400;

    public async Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
    {
        if (change.Kind != RecordChangeKinds.Updated)
        {
            return [];
        }

        var schema = await services.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        var links = FulfilmentLink.In(schema);
        var fulfilling = links.Where(l => l.Document.Name == change.Entity).ToList();
        var fulfilled = links.Where(l => l.SourceDocument.Name == change.Entity).ToList();
        if (fulfilling.Count == 0 && fulfilled.Count == 0)
        {
            return [];
        }

        foreach (var saved in change.Records)
        {
            var (was, now) = (saved.Previous?.GetValueOrDefault(DocumentStatus.Field) as string, saved.Record.GetValueOrDefault(DocumentStatus.Field) as string);
            var id = (Guid)saved.Record[SystemFields.Id]!;
            IReadOnlyList<RecordFieldError> errors = [];
            if (fulfilling.Count > 0 && was != now && (was, now) is (DocumentStatus.Draft, DocumentStatus.Submitted) or (DocumentStatus.Submitted, DocumentStatus.Cancelled))
            {
                errors = await RecountAsync(links, fulfilling, id, now == DocumentStatus.Submitted, change.Actor, cancellationToken);
            }

            if (errors.Count == 0 && fulfilled.Count > 0 && (was, now) is (DocumentStatus.Submitted, DocumentStatus.Cancelled))
            {
                errors = await StillFulfilledAsync(fulfilled, id, saved.Record, cancellationToken);
            }
            else if (errors.Count == 0 && fulfilled.Count > 0 && was == now && now == DocumentStatus.Submitted && change.Actor.Access is not null)
            {
                errors = await ChangedSourceAsync(links, fulfilled, id, change.Actor, cancellationToken);
            }

            if (errors.Count > 0)
            {
                return errors;
            }
        }

        return [];
    }

    /// <summary>The document <paramref name="id"/> was submitted or cancelled: every source line it names is recounted, source document by source document.</summary>
    private async Task<IReadOnlyList<RecordFieldError>> RecountAsync(IReadOnlyList<FulfilmentLink> links, List<FulfilmentLink> fulfilling, Guid id, bool submitting, Actor actor,
        CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IRecordStore>();
        var document = await records.GetAsync(fulfilling[0].Document.Name, id, cancellationToken: cancellationToken);
        if (document is null)
        {
            return [];
        }

        // Which source lines each declaration names, and on which line of this document (for the messages).
        var named = new List<(FulfilmentLink Link, Guid SourceLine, int Line)>();
        foreach (var link in fulfilling)
        {
            var lines = link.Declaration.Lines is { } field ? (document.GetValueOrDefault(field) as IEnumerable<IReadOnlyDictionary<string, object?>> ?? []).ToList() : [document];
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i].GetValueOrDefault(link.Declaration.Source) is Guid source && FulfilmentTally.Counts(link, lines[i], document))
                {
                    named.Add((link, source, link.Declaration.Lines is null ? 0 : i + 1));
                }
            }
        }

        // The source documents those lines belong to, in a fixed order (two documents recounting the same two orders wait, not deadlock).
        var errors = new List<RecordFieldError>();
        foreach (var group in named.GroupBy(n => n.Link.SourceLine.Name))
        {
            var sourceLine = group.First().Link;
            await using var reader = (await records.OpenReaderAsync(sourceLine.SourceLine.Name, cancellationToken: cancellationToken))!;
            var rows = await reader.FindManyAsync(sourceLine.SourceLine, [.. group.Select(g => g.SourceLine).Distinct()], cancellationToken);
            foreach (var (link, source, line) in group.Where(g => !rows.ContainsKey(g.SourceLine)))
            {
                errors.Add(new(At(link), OnLine(line,
                    localizer[link.SourceIsDocument ? "Records.Fulfil.Error.NoSourceDocument" : "Records.Fulfil.Error.NoSource", link.SourceDocument.Label.For(CultureInfo.CurrentUICulture.Name)])));
            }

            // A source line's document is its parent; a source document is its own.
            Guid DocumentOf(IReadOnlyDictionary<string, object?> row) => (Guid)row[sourceLine.SourceIsDocument ? SystemFields.Id : SystemFields.ParentId]!;
            var parents = rows.Values.Select(DocumentOf).Distinct().Order().ToList();
            foreach (var parent in parents)
            {
                var lines = rows.Values.Where(r => DocumentOf(r) == parent).Select(r => (Guid)r[SystemFields.Id]!).ToHashSet();
                var onLines = group.Where(g => lines.Contains(g.SourceLine)).Select(g => g.Line).Distinct().ToList();
                errors.AddRange(await UpdateSourceAsync(links, sourceLine, parent, lines, submitting ? onLines : null, actor, cancellationToken));
                if (errors.Count > 0)
                {
                    return errors;
                }
            }
        }

        return errors;
    }

    /// <summary>
    /// Recounts <paramref name="lines"/> of the source document <paramref name="parent"/> and writes what they got and its percentage,
    /// read again and recounted when another save changed it meanwhile. <paramref name="submitting"/>: the lines of the document being
    /// submitted that point at it (which must find it submitted); null when one is being cancelled.
    /// </summary>
    private async Task<IReadOnlyList<RecordFieldError>> UpdateSourceAsync(IReadOnlyList<FulfilmentLink> links, FulfilmentLink link, Guid parent, IReadOnlySet<Guid> lines,
        IReadOnlyList<int>? submitting, Actor actor, CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IRecordStore>();
        var culture = CultureInfo.CurrentUICulture.Name;
        for (var attempt = 1; ; attempt++)
        {
            var source = await records.GetAsync(link.SourceDocument.Name, parent, cancellationToken: cancellationToken);
            if (source is null)
            {
                return [new(At(link), localizer["Records.Fulfil.Error.NoSource", link.SourceDocument.Label.For(culture)])];
            }

            var number = Number(link.SourceDocument, source);
            if (submitting is not null && source.GetValueOrDefault(DocumentStatus.Field) as string != DocumentStatus.Submitted)
            {
                return [.. submitting.Select(line => new RecordFieldError(At(link), OnLine(line, localizer["Records.Fulfil.Error.NotSubmitted", link.SourceDocument.Label.For(culture), number])))];
            }

            if (submitting is not null && link.Declaration.Closed is { } closed && source.GetValueOrDefault(closed) is true)
            {
                return [.. submitting.Select(line => new RecordFieldError(At(link), OnLine(line, localizer["Records.Fulfil.Error.Closed", link.SourceDocument.Label.For(culture), number])))];
            }

            var (values, problems) = await RecountedAsync(links, link, source, lines, number, cancellationToken);
            if (problems.Count > 0)
            {
                return problems;
            }

            if (values is null)
            {
                return [];
            }

            var result = await records.UpdateAsync(link.SourceDocument.Name, parent, (int)source[SystemFields.RowVersion]!, values, actor with { Access = null, Org = null }, cancellationToken);
            if (result.Outcome == RecordOutcome.Saved)
            {
                return [];
            }

            if (result.Outcome != RecordOutcome.Conflict || attempt == Attempts)
            {
                var why = string.Join(" ", result.Errors.Select(e => e.Message));
                return [new(At(link), localizer["Records.Fulfil.Error.NotUpdated", link.SourceDocument.Label.For(culture), number, why])];
            }
        }
    }

    /// <summary>
    /// What the source document's lines get now and its percentages, as values to save (null: nothing changed), or why not — a line
    /// beyond its limit where it rose, or below nothing.
    /// </summary>
    private async Task<(Dictionary<string, object?>? Values, List<RecordFieldError> Problems)> RecountedAsync(IReadOnlyList<FulfilmentLink> links, FulfilmentLink link,
        IReadOnlyDictionary<string, object?> source, IReadOnlySet<Guid> recount, string number, CancellationToken cancellationToken)
    {
        var tally = new FulfilmentTally(services.GetRequiredService<IRecordStore>());
        var culture = CultureInfo.CurrentUICulture.Name;
        var sourceLines = LinesOf(link, source);
        var changedLines = sourceLines.Select(l => new Dictionary<string, object?> { [SystemFields.Id] = l[SystemFields.Id] }).ToList();
        var problems = new List<RecordFieldError>();
        var changed = false;

        // Each source field kept by fulfilment (delivered quantity, billed amount) with every declaration that counts into it.
        foreach (var kept in links.Where(l => l.SourceLine.Name == link.SourceLine.Name).GroupBy(l => l.Declaration.Into))
        {
            var declaration = kept.First().Declaration;
            var sums = await tally.SumAsync(kept, recount, cancellationToken);
            for (var i = 0; i < sourceLines.Count; i++)
            {
                var id = (Guid)sourceLines[i][SystemFields.Id]!;
                if (!recount.Contains(id))
                {
                    continue;
                }

                var line = Line(link.SourceLine, sourceLines[i], i + 1, declaration);
                var now = sums.GetValueOrDefault(id);
                var label = link.SourceLine.LiveField(declaration.Into)!.Label.For(culture);
                var at = At(link);
                if (now < 0m)
                {
                    problems.Add(new(at, link.SourceIsDocument
                        ? localizer["Records.Fulfil.Error.BelowNothingDocument", number, label, Figure(line.Into), Figure(now)]
                        : localizer["Records.Fulfil.Error.BelowNothing", number, line.Number, label, Figure(line.Into), Figure(now)]));
                }
                else if (now > line.Into && now > line.Limit)
                {
                    var of = link.SourceLine.LiveField(declaration.Of)!.Label.For(culture);
                    problems.Add(new(at, link.SourceIsDocument
                        ? localizer["Records.Fulfil.Error.OverLimitDocument", number, label, Figure(now), of, Figure(line.Of), Figure(line.Allowance), Figure(line.Limit)]
                        : localizer["Records.Fulfil.Error.OverLimit", number, line.Number, label, Figure(now), of, Figure(line.Of), Figure(line.Allowance), Figure(line.Limit)]));
                }

                if (now != line.Into)
                {
                    changedLines[i][declaration.Into] = now;
                    changed = true;
                }
            }
        }

        if (problems.Count > 0 || !changed)
        {
            return (null, problems);
        }

        var values = link.SourceLines is { } linesField
            ? new Dictionary<string, object?> { [linesField.Name] = changedLines.Cast<object?>().ToList() }
            : changedLines[0].Where(v => v.Key != SystemFields.Id).ToDictionary(v => v.Key, v => v.Value);
        // The percentages counted over these source lines (a document's delivered share is not its paid share).
        foreach (var declaration in links.Where(l => l.SourceLine.Name == link.SourceLine.Name && l.Declaration.Percent is not null).Select(l => l.Declaration))
        {
            values[declaration.Percent!] = Stored(link.SourceDocument, declaration.Percent!,
                Percent(sourceLines.Select((l, i) => (Line(link.SourceLine, l, i + 1, declaration), changedLines[i].TryGetValue(declaration.Into, out var v) ? (decimal?)v : null))));
        }

        return (values, problems);
    }

    /// <summary>Σ min(got, to get) ÷ Σ to get × 100, to two decimals; 0 when nothing is to be got.</summary>
    internal static decimal Percent(IEnumerable<(FulfilledLine Line, decimal? Now)> lines)
    {
        var (got, of) = (0m, 0m);
        foreach (var (line, now) in lines)
        {
            if (line.Of > 0m)
            {
                got += Math.Clamp(now ?? line.Into, 0m, line.Of);
                of += line.Of;
            }
        }

        return of == 0m ? 0m : Math.Round(got / of * 100m, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>A source line's figures; an allowance of its own in a percent field (a fraction, 0.1) counts in percent (10).</summary>
    private static FulfilledLine Line(EntityDefinition entity, IReadOnlyDictionary<string, object?> line, int number, Core.Metadata.Documents.Fulfilment declaration) =>
        new((Guid)line[SystemFields.Id]!, number, FulfilmentTally.Number(line.GetValueOrDefault(declaration.Into)), FulfilmentTally.Number(line.GetValueOrDefault(declaration.Of)),
            declaration.AllowanceField is { } field && line.GetValueOrDefault(field) is { } own
                ? FulfilmentTally.Number(own) * (entity.LiveField(field)?.Type == FieldTypes.Percent.Name ? 100m : 1m)
                : declaration.Allowance);

    /// <summary>A percentage as the field keeps it: a percent field holds a fraction (0.45 for 45 %), a number field the figure.</summary>
    private static decimal Stored(EntityDefinition entity, string field, decimal percent) =>
        entity.LiveField(field)?.Type == FieldTypes.Percent.Name ? Math.Round(percent / 100m, 4, MidpointRounding.AwayFromZero) : percent;

    /// <summary>A source document being cancelled while submitted documents still fulfil it is refused, naming them.</summary>
    private async Task<IReadOnlyList<RecordFieldError>> StillFulfilledAsync(List<FulfilmentLink> fulfilled, Guid id, IReadOnlyDictionary<string, object?> record,
        CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IRecordStore>();
        var source = await records.GetAsync(fulfilled[0].SourceDocument.Name, id, cancellationToken: cancellationToken) ?? record;
        var lineIds = fulfilled.DistinctBy(l => l.SourceLines?.Name).SelectMany(l => LinesOf(l, source)).Select(l => (Guid)l[SystemFields.Id]!).Distinct().ToList();
        var links = FulfilmentLink.In(await services.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken)).Where(l => l.SourceDocument.Name == fulfilled[0].SourceDocument.Name);
        var documents = await new FulfilmentTally(records).DocumentsAsync(links, lineIds, cancellationToken);
        if (documents.Count == 0)
        {
            return [];
        }

        var names = documents.Values.Select(d => Number(d.Link.Document, d.Document)).Order(StringComparer.Ordinal).ToList();
        return [new(null, localizer["Records.Fulfil.Error.StillFulfilled", Number(fulfilled[0].SourceDocument, source), string.Join(localizer["Records.Fulfil.ListSeparator"].Value, names)])];
    }

    /// <summary>
    /// A submitted source document changed by a person (a quantity open to change after submission): a line may not be lowered below
    /// what it already got (with its allowance), and its percentages follow.
    /// </summary>
    private async Task<IReadOnlyList<RecordFieldError>> ChangedSourceAsync(IReadOnlyList<FulfilmentLink> links, List<FulfilmentLink> fulfilled, Guid id, Actor actor,
        CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IRecordStore>();
        var culture = CultureInfo.CurrentUICulture.Name;
        foreach (var link in fulfilled.DistinctBy(l => l.SourceLines?.Name))
        {
            var source = await records.GetAsync(link.SourceDocument.Name, id, cancellationToken: cancellationToken);
            var lines = source is null ? [] : LinesOf(link, source);
            var values = new Dictionary<string, object?>();
            foreach (var declaration in fulfilled.Where(l => l.SourceLines?.Name == link.SourceLines?.Name).Select(l => l.Declaration).DistinctBy(d => d.Into))
            {
                var counted = lines.Select((l, i) => Line(link.SourceLine, l, i + 1, declaration)).ToList();
                if (counted.FirstOrDefault(l => l.Into > l.Limit) is { } below)
                {
                    var (of, into) = (link.SourceLine.LiveField(declaration.Of)!.Label.For(culture), link.SourceLine.LiveField(declaration.Into)!.Label.For(culture));
                    return [link.SourceLines is { } linesField
                        ? new(linesField.Name, localizer["Records.Fulfil.Error.BelowFulfilled", below.Number, of, Figure(below.Of), into, Figure(below.Into)])
                        : new(declaration.Of, localizer["Records.Fulfil.Error.BelowFulfilledDocument", of, Figure(below.Of), into, Figure(below.Into)])];
                }

                if (declaration.Percent is { } percent && Stored(link.SourceDocument, percent, Percent(counted.Select(l => (l, (decimal?)null)))) is var now
                    && now != FulfilmentTally.Number(source!.GetValueOrDefault(percent)))
                {
                    values[percent] = now;
                }
            }

            if (values.Count > 0)
            {
                var result = await records.UpdateAsync(link.SourceDocument.Name, id, (int)source![SystemFields.RowVersion]!, values, actor with { Access = null, Org = null }, cancellationToken);
                if (result.Outcome != RecordOutcome.Saved)
                {
                    return result.Errors.Count > 0 ? result.Errors : [new(null, localizer["Records.Error.SaveRefused"])];
                }
            }
        }

        return [];
    }

    /// <summary>The source document's lines a link counts into; a source document is its own one line.</summary>
    private static List<IReadOnlyDictionary<string, object?>> LinesOf(FulfilmentLink link, IReadOnlyDictionary<string, object?> source) =>
        link.SourceLines is { } field ? [.. source.GetValueOrDefault(field.Name) as IEnumerable<IReadOnlyDictionary<string, object?>> ?? []] : [source];

    /// <summary>Where a problem is shown: at the document's lines, or at its field pointing at the source when it is its own one line.</summary>
    private static string At(FulfilmentLink link) => link.Declaration.Lines ?? link.Declaration.Source;

    private string OnLine(int line, string said) => line == 0 ? said : localizer["Records.Fulfil.Error.OnLine", line, said].Value;

    private static string Number(EntityDefinition entity, IReadOnlyDictionary<string, object?> record) =>
        entity.NamingField() is { } naming && record.GetValueOrDefault(naming.Name) is { } value && value.ToString() is { Length: > 0 } text ? text : record[SystemFields.Id]!.ToString()!;

    private static string Figure(decimal value) => value.ToString("0.######", CultureInfo.CurrentCulture);
}
