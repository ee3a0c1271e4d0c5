using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Stock.Ledger;
using Platform.Stock.Storage;
using Platform.Stock.Valuation;

namespace Platform.Stock.Posting;

/// <summary>
/// Writes a document's movements into the ledger and takes them out again, in the save's transaction. Each item × warehouse it
/// touches is locked first (its bin, in a fixed order, so two documents wait for each other instead of both reading the same
/// stock); then every entry from the first one it changes onwards is valued again — a document posted at the end of the ledger
/// values only its own entries, a back-dated one or a cancellation revalues every later entry (and the transfers they feed into
/// other warehouses). A movement that would leave stock short where that is not allowed stops it all with the document named.
/// </summary>
public sealed class StockLedgerWriter(PlatformDbContext db)
{
    /// <summary>Where a bin with no entries stands in ledger order: before anything.</summary>
    public static readonly DateTime Beginning = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How often a chain of transfers may send a revaluation back and forth before it is taken for a loop.</summary>
    private const int MostReposts = 10_000;

    public async Task PostAsync(StockVoucher voucher, DateTime postedAt, IReadOnlyList<PlannedMovement> planned, BinRulesSource rules, DateTime now,
        CancellationToken cancellationToken)
    {
        var bins = await LockAsync(planned.Select(p => (p.Item.Id, p.Warehouse.Id)), cancellationToken);

        // Outgoing halves first: the incoming halves point at them.
        var entries = new StockLedgerEntry[planned.Count];
        foreach (var pass in new[] { false, true })
        {
            for (var i = 0; i < planned.Count; i++)
            {
                if ((planned[i].RateOf is not null) == pass)
                {
                    var p = planned[i];
                    entries[i] = new StockLedgerEntry
                    {
                        Item = p.Item.Id, Warehouse = p.Warehouse.Id, PostedAt = postedAt, VoucherEntity = voucher.Entity, VoucherId = voucher.RecordId,
                        VoucherNumber = voucher.Number, VoucherLine = p.LineId, Kind = p.Kind, EnteredQuantity = p.EnteredQuantity ?? 0m, Unit = p.Unit,
                        Quantity = p.Quantity, CountedQuantity = p.CountedQuantity, IncomingRate = p.IncomingRate, Batch = p.Batch,
                        TransferOf = p.RateOf is { } source ? entries[source].Id : null, CreatedAt = now,
                    };
                    db.StockLedgerEntries.Add(entries[i]);
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        // Bins receiving transfers are valued after the bins the transfers leave, whose rates they take.
        var from = entries.GroupBy(e => (e.Item, e.Warehouse)).ToDictionary(g => g.Key, g => (postedAt, g.Min(e => e.Id)));
        var receiving = entries.Where(e => e.TransferOf is not null).Select(e => (e.Item, e.Warehouse)).ToHashSet();
        var queue = new Repost(this, bins, rules);
        foreach (var (bin, start) in from.Where(f => !receiving.Contains(f.Key)))
        {
            await queue.RunAsync(bin, start, cancellationToken);
        }

        foreach (var (bin, start) in from.Where(f => receiving.Contains(f.Key)))
        {
            queue.Add(bin, start);
        }

        await queue.DrainAsync(cancellationToken);
        Forget();
    }

    /// <summary>Takes a cancelled document's entries out of the ledger (kept, marked cancelled) and revalues what followed them.</summary>
    public async Task CancelAsync(string entity, Guid voucherId, BinRulesSource rules, CancellationToken cancellationToken)
    {
        var key = entity.ToLowerInvariant();
        var entries = await db.StockLedgerEntries.Where(e => e.VoucherEntity == key && e.VoucherId == voucherId && !e.IsCancelled).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return;
        }

        var bins = await LockAsync(entries.Select(e => (e.Item, e.Warehouse)), cancellationToken);
        foreach (var entry in entries)
        {
            entry.IsCancelled = true;
        }

        await db.SaveChangesAsync(cancellationToken);
        var queue = new Repost(this, bins, rules);
        foreach (var group in entries.GroupBy(e => (e.Item, e.Warehouse)))
        {
            var first = group.OrderBy(e => e.PostedAt).ThenBy(e => e.Id).First();
            queue.Add(group.Key, (first.PostedAt, first.Id));
        }

        await queue.DrainAsync(cancellationToken);
        Forget();
    }

    /// <summary>Takes the row lock of each item × warehouse (creating its bin the first time), in one order whoever asks.</summary>
    private async Task<Dictionary<(Guid Item, Guid Warehouse), StockBin>> LockAsync(IEnumerable<(Guid Item, Guid Warehouse)> keys, CancellationToken cancellationToken)
    {
        var bins = new Dictionary<(Guid, Guid), StockBin>();
        foreach (var (item, warehouse) in keys.Distinct().OrderBy(k => k.Item).ThenBy(k => k.Warehouse))
        {
            bins[(item, warehouse)] = await LockOneAsync(item, warehouse, cancellationToken);
        }

        return bins;
    }

    internal async Task<StockBin> LockOneAsync(Guid item, Guid warehouse, CancellationToken cancellationToken)
    {
        if (await Raise(item, warehouse, cancellationToken) == 0)
        {
            // The first movement of this item here: create its bin — or, when another document just did, wait for it and lock that one.
            var transaction = db.Database.CurrentTransaction;
            var savepoint = $"bin_{Guid.NewGuid():N}";
            if (transaction is not null)
            {
                await transaction.CreateSavepointAsync(savepoint, cancellationToken);
            }

            var bin = new StockBin { Item = item, Warehouse = warehouse, LastPostedAt = Beginning, Version = 1 };
            db.StockBins.Add(bin);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return bin;
            }
            catch (DbUpdateException) when (transaction is not null)
            {
                db.Entry(bin).State = EntityState.Detached;
                await transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
                await Raise(item, warehouse, cancellationToken);
            }
        }

        return await db.StockBins.SingleAsync(b => b.Item == item && b.Warehouse == warehouse, cancellationToken);
    }

    private Task<int> Raise(Guid item, Guid warehouse, CancellationToken cancellationToken) =>
        db.StockBins.Where(b => b.Item == item && b.Warehouse == warehouse).ExecuteUpdateAsync(s => s.SetProperty(b => b.Version, b => b.Version + 1), cancellationToken);

    /// <summary>
    /// Values the entries of one item × warehouse from <paramref name="start"/> (a moment and an entry id) onwards and leaves the bin
    /// after the last; returns the transfers out whose rate the entries going into other warehouses must now take.
    /// </summary>
    internal async Task<List<StockLedgerEntry>> RevalueAsync(StockBin bin, (DateTime At, long Id) start, BinRules rules, CancellationToken cancellationToken)
    {
        var (at, id) = start;
        // Read without tracking and written back with one prepared UPDATE per changed entry: a repost behind a back-dated receipt
        // rewrites thousands of rows, and change tracking them was most of its time.
        var later = await db.StockLedgerEntries.AsNoTracking()
            .Where(e => e.Item == bin.Item && e.Warehouse == bin.Warehouse && !e.IsCancelled && (e.PostedAt > at || (e.PostedAt == at && e.Id >= id)))
            .OrderBy(e => e.PostedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        StockPosition before;
        if (bin.LastPostedAt < at || (bin.LastPostedAt == at && bin.LastEntryId < id))
        {
            before = new StockPosition(bin.Quantity, bin.Value, bin.ValuationRate, StockLayersJson.Read(bin.Layers));
        }
        else
        {
            var previous = await db.StockLedgerEntries.AsNoTracking()
                .Where(e => e.Item == bin.Item && e.Warehouse == bin.Warehouse && !e.IsCancelled && (e.PostedAt < at || (e.PostedAt == at && e.Id < id)))
                .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
            before = previous is null ? StockPosition.Empty
                : new StockPosition(previous.QuantityAfter, previous.ValueAfter, previous.ValuationRate, StockLayersJson.Read(previous.Layers));
        }

        var outcomes = LedgerReplay.Run(before, later.Select(Movement), rules.Method, rules.AllowNegative);
        var transfers = new List<StockLedgerEntry>();
        var entryType = db.Model.FindEntityType(typeof(StockLedgerEntry))!;
        await using var prepared = Platform.Data.Records.PreparedCommands.KeepUnlessKept(db); // one UPDATE statement parsed once
        for (var i = 0; i < later.Count; i++)
        {
            var (entry, outcome) = (later[i], outcomes[i]);
            var layers = StockLayersJson.Write(outcome.After.Layers);
            if (entry.QuantityChange != outcome.QuantityChange || entry.ValueChange != outcome.ValueChange || entry.Rate != outcome.Rate
                || entry.QuantityAfter != outcome.After.Quantity || entry.ValueAfter != outcome.After.Value || entry.ValuationRate != outcome.After.ValuationRate
                || entry.Layers != layers)
            {
                entry.QuantityChange = outcome.QuantityChange;
                entry.ValueChange = outcome.ValueChange;
                entry.Rate = outcome.Rate;
                entry.QuantityAfter = outcome.After.Quantity;
                entry.ValueAfter = outcome.After.Value;
                entry.ValuationRate = outcome.After.ValuationRate;
                entry.Layers = layers;
                await Platform.Data.Records.PreparedUpdate.RunAsync(db, entryType, Revalued,
                    [entry.QuantityChange, entry.ValueChange, entry.Rate, entry.QuantityAfter, entry.ValueAfter, entry.ValuationRate, entry.Layers],
                    ById, [entry.Id], cancellationToken);
            }

            if (entry.Kind == StockEntryKinds.TransferOut)
            {
                transfers.Add(entry);
            }
        }

        // The bin stands after the last active entry — found above, or the one before the start when nothing follows it.
        var last = later.Count > 0 ? later[^1] : null;
        var end = last is not null
            ? new StockPosition(last.QuantityAfter, last.ValueAfter, last.ValuationRate, outcomes[^1].After.Layers)
            : before;
        var lastEntry = last ?? await db.StockLedgerEntries.AsNoTracking()
            .Where(e => e.Item == bin.Item && e.Warehouse == bin.Warehouse && !e.IsCancelled)
            .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id).FirstOrDefaultAsync(cancellationToken);
        bin.Quantity = end.Quantity;
        bin.Value = end.Value;
        bin.ValuationRate = end.ValuationRate;
        bin.Layers = StockLayersJson.Write(end.Layers);
        (bin.LastPostedAt, bin.LastEntryId) = lastEntry is null ? (Beginning, 0L) : (lastEntry.PostedAt, lastEntry.Id);
        await db.SaveChangesAsync(cancellationToken);
        return transfers;
    }

    /// <summary>What the ledger works out for an entry at its place in time; the rest is what the document asked for.</summary>
    private static readonly string[] Revalued =
    [
        nameof(StockLedgerEntry.QuantityChange), nameof(StockLedgerEntry.ValueChange), nameof(StockLedgerEntry.Rate), nameof(StockLedgerEntry.QuantityAfter),
        nameof(StockLedgerEntry.ValueAfter), nameof(StockLedgerEntry.ValuationRate), nameof(StockLedgerEntry.Layers),
    ];

    private static readonly string[] ById = [nameof(StockLedgerEntry.Id)];

    /// <summary>The incoming halves of <paramref name="transfers"/> whose rate no longer matches theirs, set to it.</summary>
    internal async Task<List<StockLedgerEntry>> FollowAsync(List<StockLedgerEntry> transfers, CancellationToken cancellationToken)
    {
        if (transfers.Count == 0)
        {
            return [];
        }

        var rates = transfers.ToDictionary(t => t.Id, t => t.Rate);
        var ids = rates.Keys.ToList();
        var incoming = await db.StockLedgerEntries.Where(e => e.TransferOf != null && ids.Contains(e.TransferOf.Value) && !e.IsCancelled).ToListAsync(cancellationToken);
        var changed = incoming.Where(e => e.IncomingRate != rates[e.TransferOf!.Value]).ToList();
        foreach (var entry in changed)
        {
            entry.IncomingRate = rates[entry.TransferOf!.Value];
        }

        await db.SaveChangesAsync(cancellationToken); // their bins' revaluation reads them from the database
        return changed;
    }

    private static LedgerMovement Movement(StockLedgerEntry entry) => new(
        new DateTimeOffset(DateTime.SpecifyKind(entry.PostedAt, DateTimeKind.Utc)), entry.Id,
        entry.CountedQuantity is { } counted ? StockMovement.Count(counted, entry.IncomingRate)
        : entry.Quantity >= 0 ? StockMovement.Receipt(entry.Quantity, entry.IncomingRate, entry.Batch)
        : StockMovement.Issue(-entry.Quantity, entry.Batch),
        new StockVoucher(entry.VoucherEntity, entry.VoucherId, entry.VoucherNumber, entry.VoucherLine));

    /// <summary>Lets go of the ledger rows this save tracked (the context is pooled, and the next save must not meet them).</summary>
    private void Forget()
    {
        foreach (var tracked in db.ChangeTracker.Entries().Where(e => e.Entity is StockLedgerEntry or StockBin).ToList())
        {
            tracked.State = EntityState.Detached;
        }
    }

    /// <summary>Bins waiting to be revalued, each from the earliest point asked; transfers' incoming halves join as their rates change.</summary>
    private sealed class Repost(StockLedgerWriter writer, Dictionary<(Guid Item, Guid Warehouse), StockBin> bins, BinRulesSource rules)
    {
        private readonly Dictionary<(Guid, Guid), (DateTime At, long Id)> _waiting = [];
        private int _runs;

        public void Add((Guid Item, Guid Warehouse) bin, (DateTime At, long Id) start)
        {
            if (!_waiting.TryGetValue(bin, out var known) || start.At < known.At || (start.At == known.At && start.Id < known.Id))
            {
                _waiting[bin] = start;
            }
        }

        public async Task RunAsync((Guid Item, Guid Warehouse) key, (DateTime At, long Id) start, CancellationToken cancellationToken)
        {
            if (++_runs > MostReposts)
            {
                throw new InvalidOperationException("Transfers keep revaluing each other; the ledger stopped to avoid a loop.");
            }

            if (!bins.TryGetValue(key, out var bin))
            {
                bin = bins[key] = await writer.LockOneAsync(key.Item, key.Warehouse, cancellationToken);
            }

            List<StockLedgerEntry> transfers;
            try
            {
                transfers = await writer.RevalueAsync(bin, start, await rules(key.Item, key.Warehouse, cancellationToken), cancellationToken);
            }
            catch (LedgerShortageException shortage)
            {
                throw new BinShortageException(key.Item, key.Warehouse, shortage);
            }

            foreach (var incoming in await writer.FollowAsync(transfers, cancellationToken))
            {
                Add((incoming.Item, incoming.Warehouse), (incoming.PostedAt, incoming.Id));
            }
        }

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            while (_waiting.Count > 0)
            {
                var (key, start) = _waiting.OrderBy(w => w.Value.At).ThenBy(w => w.Value.Id).First();
                _waiting.Remove(key);
                await RunAsync(key, start, cancellationToken);
            }
        }
    }
}

/// <summary>How an item × warehouse is valued, read from its item and warehouse records.</summary>
public delegate Task<BinRules> BinRulesSource(Guid item, Guid warehouse, CancellationToken cancellationToken);

/// <summary>How one item × warehouse is valued, and whether its stock may go negative (the item's or the warehouse's say).</summary>
public sealed record BinRules(ValuationMethod Method, bool AllowNegative);
