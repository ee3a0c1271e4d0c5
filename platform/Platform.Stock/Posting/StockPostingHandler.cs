using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Data.Records;
using Platform.Records;
using Platform.Stock.Ledger;

namespace Platform.Stock.Posting;

/// <summary>
/// Where documents meet the ledger: a document that moves stock posts its movements when it is submitted and takes them out when it
/// is cancelled — in the transaction that changes its status, so the status and the ledger commit together or not at all. What
/// stops a posting (an unknown unit, a shortage a later document would suffer) refuses the status change with the reason.
/// </summary>
internal sealed class StockPostingHandler(IServiceProvider services, StockLedgerWriter writer, TimeProvider clock, IStringLocalizer localizer) : IRecordSaveHandler
{
    /// <summary>Before the workflows: a process started by the submission starts only when the stock moved.</summary>
    public int Order => 500;

    public async Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
    {
        if (change.Kind != RecordChangeKinds.Updated)
        {
            return [];
        }

        var schema = await services.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        if (schema.Find(change.Entity) is not { Stock.Postings.Count: > 0 } entity)
        {
            return [];
        }

        var errors = new List<RecordFieldError>();
        foreach (var saved in change.Records)
        {
            var (was, now) = (saved.Previous?.GetValueOrDefault(DocumentStatus.Field) as string, saved.Record.GetValueOrDefault(DocumentStatus.Field) as string);
            if (was == now)
            {
                continue;
            }

            var id = (Guid)saved.Record[SystemFields.Id]!;
            try
            {
                if (was == DocumentStatus.Draft && now == DocumentStatus.Submitted)
                {
                    errors.AddRange(await PostAsync(schema, entity, id, cancellationToken));
                }
                else if (was == DocumentStatus.Submitted && now == DocumentStatus.Cancelled)
                {
                    await writer.CancelAsync(entity.Name, id, Rules(schema), cancellationToken);
                }
            }
            catch (BinShortageException shortage)
            {
                errors.Add(new RecordFieldError(null, await ShortageAsync(schema, shortage, cancellationToken)));
            }

            if (errors.Count > 0)
            {
                return errors;
            }
        }

        return errors;
    }

    private async Task<IReadOnlyList<RecordFieldError>> PostAsync(RecordsSchema schema, EntityDefinition entity, Guid id, CancellationToken cancellationToken)
    {
        var records = services.GetRequiredService<IRecordStore>();
        var document = await records.GetAsync(entity.Name, id, cancellationToken: cancellationToken);
        if (document is null)
        {
            return [];
        }

        var parties = new StockParties(records, schema);
        var (planned, problems) = await new DocumentMovements(parties, schema, localizer).PlanAsync(entity, document, cancellationToken);
        if (problems.Count > 0)
        {
            return [.. problems.Select(p => new RecordFieldError(null, p))];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var postedAt = now;
        if (entity.Stock!.PostedAt is { } field)
        {
            postedAt = StockValues.Moment(document.GetValueOrDefault(field)) ?? now;
            if (postedAt.Date > now.Date)
            {
                return [new RecordFieldError(field, localizer["Stock.Error.Future", postedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])];
            }
        }

        var number = entity.NamingField() is { } naming ? StockValues.Text(document.GetValueOrDefault(naming.Name)) : null;
        var voucher = new StockVoucher(entity.Name.ToLowerInvariant(), id, number ?? id.ToString());
        await writer.PostAsync(voucher, postedAt, planned, Rules(schema, parties), now, cancellationToken);
        return [];
    }

    /// <summary>How each item × warehouse is valued: the item's method, negative stock where the item or the warehouse allows it.</summary>
    private BinRulesSource Rules(RecordsSchema schema, StockParties? known = null)
    {
        var parties = known ?? new StockParties(services.GetRequiredService<IRecordStore>(), schema);
        return async (itemId, warehouseId, cancellationToken) =>
        {
            var item = await FindAsync(schema, s => s.Item is not null, (e, ct) => parties.ItemAsync(e, itemId, ct), cancellationToken);
            var warehouse = await FindAsync(schema, s => s.Warehouse is not null, (e, ct) => parties.WarehouseAsync(e, warehouseId, ct), cancellationToken);
            return new BinRules(item?.Method ?? Valuation.ValuationMethod.Fifo, item?.AllowNegative == true || warehouse?.AllowNegative == true);
        };
    }

    private static async Task<T?> FindAsync<T>(RecordsSchema schema, Func<Core.Metadata.Stock.StockDefinition, bool> plays, Func<EntityDefinition, CancellationToken, Task<T?>> read,
        CancellationToken cancellationToken) where T : class
    {
        foreach (var entity in schema.Entities.Where(e => e.Stock is { } s && plays(s)))
        {
            if (await read(entity, cancellationToken) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private async Task<string> ShortageAsync(RecordsSchema schema, BinShortageException shortage, CancellationToken cancellationToken)
    {
        var parties = new StockParties(services.GetRequiredService<IRecordStore>(), schema);
        var item = await FindAsync(schema, s => s.Item is not null, (e, ct) => parties.ItemAsync(e, shortage.Item, ct), cancellationToken);
        var warehouse = await FindAsync(schema, s => s.Warehouse is not null, (e, ct) => parties.WarehouseAsync(e, shortage.Warehouse, ct), cancellationToken);
        var at = shortage.Shortage.At;
        return localizer["Stock.Error.Short", at.Voucher.Number, at.PostedAt.UtcDateTime.ToString(at.PostedAt.UtcDateTime.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            shortage.Shortage.There.ToString("0.######", CultureInfo.CurrentCulture), item?.Code ?? "?", warehouse?.Code ?? "?",
            shortage.Shortage.Asked.ToString("0.######", CultureInfo.CurrentCulture)].Value
            + (shortage.Shortage.Batch is { } batch ? localizer["Stock.Error.ShortBatch", batch].Value : "");
    }
}

/// <summary>A movement of an item × warehouse that cannot be valued, with the bin it belongs to.</summary>
public sealed class BinShortageException(Guid item, Guid warehouse, LedgerShortageException shortage) : Exception(shortage.Message, shortage)
{
    public Guid Item { get; } = item;

    public Guid Warehouse { get; } = warehouse;

    public LedgerShortageException Shortage { get; } = shortage;
}
