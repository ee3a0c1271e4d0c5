using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Records.Documents;

namespace Platform.Data.Records.Fulfilment;

/// <summary>
/// Counts, for source lines, what the submitted documents pointing at them hold — the sum of their quantities over every declaration
/// that keeps the same source field (deliveries and returns alike) — reading within the save's transaction, so the document being
/// submitted counts and the one being cancelled no longer does.
/// </summary>
internal sealed class FulfilmentTally(IRecordStore records)
{
    /// <summary>What the submitted documents of <paramref name="links"/> hold against each of <paramref name="sourceLines"/> (absent: nothing).</summary>
    public async Task<Dictionary<Guid, decimal>> SumAsync(IEnumerable<FulfilmentLink> links, IReadOnlyCollection<Guid> sourceLines, CancellationToken cancellationToken)
    {
        var sums = new Dictionary<Guid, decimal>();
        foreach (var (link, line, document) in await FulfillingAsync(links, sourceLines, cancellationToken))
        {
            if (document.GetValueOrDefault(DocumentStatus.Field) as string == DocumentStatus.Submitted && line.GetValueOrDefault(link.Declaration.Source) is Guid source
                && Counts(link, line, document))
            {
                sums[source] = sums.GetValueOrDefault(source) + Number(line.GetValueOrDefault(link.Declaration.Quantity));
            }
        }

        return sums;
    }

    /// <summary>The submitted documents of <paramref name="links"/> with a line pointing at one of <paramref name="sourceLines"/>, by id.</summary>
    public async Task<Dictionary<Guid, (FulfilmentLink Link, IReadOnlyDictionary<string, object?> Document)>> DocumentsAsync(IEnumerable<FulfilmentLink> links,
        IReadOnlyCollection<Guid> sourceLines, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (FulfilmentLink, IReadOnlyDictionary<string, object?>)>();
        foreach (var (link, line, document) in await FulfillingAsync(links, sourceLines, cancellationToken))
        {
            if (document.GetValueOrDefault(DocumentStatus.Field) as string == DocumentStatus.Submitted && Counts(link, line, document))
            {
                found[(Guid)document[SystemFields.Id]!] = (link, document);
            }
        }

        return found;
    }

    /// <summary>Every line of the links' documents pointing at one of the source lines, with its document.</summary>
    private async Task<List<(FulfilmentLink Link, IReadOnlyDictionary<string, object?> Line, IReadOnlyDictionary<string, object?> Document)>> FulfillingAsync(
        IEnumerable<FulfilmentLink> links, IReadOnlyCollection<Guid> sourceLines, CancellationToken cancellationToken)
    {
        var ids = sourceLines.Select(id => (Guid?)id).ToList();
        var found = new List<(FulfilmentLink, IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>)>();
        foreach (var link in links)
        {
            await using var lines = (await records.OpenReaderAsync(link.Line.Name, cancellationToken: cancellationToken))!;
            var source = link.Declaration.Source;
            var rows = await lines.Live.Where(r => ids.Contains(EF.Property<Guid?>(r, source))).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                continue;
            }

            if (link.Line == link.Document)
            {
                found.AddRange(rows.Select(r => lines.Present(r)).Select(r => (link, r, r)));
                continue;
            }

            await using var documents = (await records.OpenReaderAsync(link.Document.Name, cancellationToken: cancellationToken))!;
            var parents = await documents.FindManyAsync(link.Document, [.. rows.Select(r => (Guid)r[SystemFields.ParentId]).Distinct()], cancellationToken);
            foreach (var row in rows)
            {
                if (parents.TryGetValue((Guid)row[SystemFields.ParentId], out var parent))
                {
                    found.Add((link, lines.Present(row), parent));
                }
            }
        }

        return found;
    }

    /// <summary>Whether a line counts: always, or where the declaration's yes/no field (the line's, or <c>record.</c> the document's) is set.</summary>
    public static bool Counts(FulfilmentLink link, IReadOnlyDictionary<string, object?> line, IReadOnlyDictionary<string, object?> document) =>
        link.Declaration.When is not { } when
        || (when.StartsWith(Core.Metadata.Stock.StockPosting.DocumentPrefix, StringComparison.Ordinal)
            ? document.GetValueOrDefault(when[Core.Metadata.Stock.StockPosting.DocumentPrefix.Length..])
            : line.GetValueOrDefault(when)) is true;

    public static decimal Number(object? value) => value switch
    {
        null => 0m,
        decimal d => d,
        IConvertible c => c.ToDecimal(System.Globalization.CultureInfo.InvariantCulture),
        _ => 0m,
    };
}
