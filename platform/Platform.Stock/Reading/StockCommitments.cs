using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Records;
using Platform.Stock.Posting;

namespace Platform.Stock.Reading;

/// <summary>What open orders reserve and have on order, per item × warehouse, in stock units; and what draft orders are about to order (when asked).</summary>
public sealed record StockPromised(decimal Reserved, decimal Ordered, decimal Drafted = 0m);

/// <summary>
/// Adds up what submitted documents promise and have not yet done — a sales order's quantities not yet delivered (reserved), a
/// purchase order's not yet received (expected) — for every document declaring it, skipping closed ones; read when asked, so
/// submitting, delivering, closing, reopening and cancelling count at once. Read as the platform: the asker's reach is applied to
/// items and warehouses where the figures are shown.
/// </summary>
public sealed class StockCommitments(IRecordStore records, RecordsSchema schema)
{
    /// <summary>The most open documents of one entity taken into account.</summary>
    public const int MostDocuments = 50_000;

    /// <summary>
    /// Per item × warehouse, what submitted documents reserve and have on order; with <paramref name="drafts"/>, also what draft
    /// purchase documents are about to order (reordering counts them, so a draft waiting for approval is not drafted again).
    /// </summary>
    public async Task<Dictionary<(Guid Item, Guid Warehouse), StockPromised>> ReadAsync(Guid? item, Guid? warehouse, CancellationToken cancellationToken, bool drafts = false)
    {
        var promised = new Dictionary<(Guid, Guid), StockPromised>();
        var parties = new StockParties(records, schema);
        foreach (var entity in schema.Entities.Where(e => e.Submittable && (e.Stock?.Reserves is not null || e.Stock?.Orders is not null)))
        {
            foreach (var (commitment, reserves, status) in new[]
                     {
                         (entity.Stock!.Reserves, true, DocumentStatus.Submitted), (entity.Stock.Orders, false, DocumentStatus.Submitted),
                         (drafts ? entity.Stock.Orders : null, false, DocumentStatus.Draft),
                     })
            {
                if (commitment is null)
                {
                    continue;
                }

                await foreach (var (document, line) in OpenLinesAsync(entity, commitment, item, status, cancellationToken))
                {
                    object? Read(string? reference) => reference is null ? null
                        : reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) ? document.GetValueOrDefault(reference[StockPosting.DocumentPrefix.Length..])
                        : line.GetValueOrDefault(reference);

                    if (commitment.Closed is { } closed && Read(closed) is true)
                    {
                        continue;
                    }

                    var open = (StockValues.Number(Read(commitment.Quantity)) ?? 0m) - (StockValues.Number(Read(commitment.Fulfilled)) ?? 0m);
                    if (open <= 0m || StockValues.Id(Read(commitment.Item)) is not { } itemId || StockValues.Id(Read(commitment.Warehouse)) is not { } warehouseId
                        || item is { } onlyItem && onlyItem != itemId || warehouse is { } onlyWarehouse && onlyWarehouse != warehouseId)
                    {
                        continue;
                    }

                    var (owner, field) = Owner(entity, commitment, commitment.Item);
                    var factor = parties.Target(owner, field, s => s.Item is not null) is { } itemEntity && await parties.ItemAsync(itemEntity, itemId, cancellationToken) is { } found
                        ? found.FactorOf(StockValues.Text(Read(commitment.Unit))) ?? 1m
                        : 1m;
                    var was = promised.GetValueOrDefault((itemId, warehouseId)) ?? new StockPromised(0m, 0m);
                    promised[(itemId, warehouseId)] = reserves ? was with { Reserved = was.Reserved + open * factor }
                        : status == DocumentStatus.Draft ? was with { Drafted = was.Drafted + open * factor }
                        : was with { Ordered = was.Ordered + open * factor };
                }
            }
        }

        return promised;
    }

    /// <summary>The lines of the entity's documents in <paramref name="status"/> (of one item when given), each with its document.</summary>
    private async IAsyncEnumerable<(IReadOnlyDictionary<string, object?> Document, IReadOnlyDictionary<string, object?> Line)> OpenLinesAsync(EntityDefinition entity,
        StockCommitment commitment, Guid? item, string status, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var documents = (await records.OpenReaderAsync(entity.Name, cancellationToken: cancellationToken))!;
        var submitted = await documents.Live.Where(r => EF.Property<string>(r, DocumentStatus.Field) == status).Take(MostDocuments).ToListAsync(cancellationToken);
        if (submitted.Count == 0)
        {
            yield break;
        }

        if (commitment.Lines is null)
        {
            foreach (var row in submitted)
            {
                var document = documents.Present(row);
                yield return (document, document);
            }

            yield break;
        }

        var lineEntity = schema.Find(entity.LiveField(commitment.Lines)!.Target!)!;
        var byId = submitted.Select(documents.Present).ToDictionary(d => (Guid)d[SystemFields.Id]!);
        var lines = await documents.LinesOfAsync(lineEntity, byId.Keys, cancellationToken);
        foreach (var group in lines)
        {
            foreach (var line in group)
            {
                if (item is null || commitment.Item.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) || StockValues.Id(line.GetValueOrDefault(commitment.Item)) == item)
                {
                    yield return (byId[group.Key], line);
                }
            }
        }
    }

    private (EntityDefinition Owner, string Field) Owner(EntityDefinition entity, StockCommitment commitment, string reference) =>
        reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal)
            ? (entity, reference[StockPosting.DocumentPrefix.Length..])
            : (commitment.Lines is null ? entity : schema.Find(entity.LiveField(commitment.Lines)!.Target!)!, reference);
}
