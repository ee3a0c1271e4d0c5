using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data;
using Platform.Records;
using Platform.Records.Stock;
using Platform.Stock.Posting;
using Platform.Stock.Storage;
using Platform.Stock.Valuation;

namespace Platform.Stock.Reading;

/// <summary>
/// Balances and ledger entries of an item in a warehouse, both named by code and both records readable by the person asking — a
/// warehouse outside their reach answers as one that does not exist. Now is the bin; a day is the last entry up to its end.
/// </summary>
internal sealed class StockLedgerReader(PlatformDbContext db, IRecordStore records, ISchemaManager schemas, IStringLocalizer localizer) : IStockLedger
{
    /// <summary>The most entries one ledger answer lists (narrow the dates for more).</summary>
    public const int MostLines = 10_000;

    public async Task<StockAnswer<StockBalance>> BalanceAsync(string item, string warehouse, DateOnly? at, Actor actor, CancellationToken cancellationToken = default)
    {
        var (found, refused) = await FindAsync(item, warehouse, actor, cancellationToken);
        if (found is not var (stockItem, stockWarehouse))
        {
            return new StockAnswer<StockBalance>(null, RecordOutcome.NotFound, refused);
        }

        StockPosition position;
        if (at is { } day)
        {
            var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            var last = await db.StockLedgerEntries.AsNoTracking()
                .Where(e => e.Item == stockItem.Id && e.Warehouse == stockWarehouse.Id && !e.IsCancelled && e.PostedAt < end)
                .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id)
                .Select(e => new { e.QuantityAfter, e.ValueAfter, e.ValuationRate, e.Layers }).FirstOrDefaultAsync(cancellationToken);
            position = last is null ? StockPosition.Empty : new StockPosition(last.QuantityAfter, last.ValueAfter, last.ValuationRate, StockLayersJson.Read(last.Layers));
        }
        else
        {
            var bin = await db.StockBins.AsNoTracking().FirstOrDefaultAsync(b => b.Item == stockItem.Id && b.Warehouse == stockWarehouse.Id, cancellationToken);
            position = bin is null ? StockPosition.Empty : new StockPosition(bin.Quantity, bin.Value, bin.ValuationRate, StockLayersJson.Read(bin.Layers));
        }

        var queue = stockItem.Method == ValuationMethod.MovingAverage ? null : position.Layers.Select(l => new StockQueueLayer(l.Quantity, l.Rate, l.Batch)).ToList();
        var promised = at is null
            ? (await new StockCommitments(records, await schemas.LoadSchemaAsync(cancellationToken)).ReadAsync(stockItem.Id, stockWarehouse.Id, cancellationToken))
                .GetValueOrDefault((stockItem.Id, stockWarehouse.Id))
            : null;
        return new StockAnswer<StockBalance>(new StockBalance(stockItem.Code, stockWarehouse.Code, MethodName(stockItem.Method), position.Quantity, position.Value,
            position.ValuationRate, queue, promised?.Reserved ?? 0m, promised?.Ordered ?? 0m), RecordOutcome.Saved);
    }

    public async Task<StockAnswer<IReadOnlyList<StockLedgerLine>>> LedgerAsync(string item, string warehouse, DateOnly? since, DateOnly? until, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var (found, refused) = await FindAsync(item, warehouse, actor, cancellationToken);
        if (found is not var (stockItem, stockWarehouse))
        {
            return new StockAnswer<IReadOnlyList<StockLedgerLine>>(null, RecordOutcome.NotFound, refused);
        }

        var query = db.StockLedgerEntries.AsNoTracking().Where(e => e.Item == stockItem.Id && e.Warehouse == stockWarehouse.Id && !e.IsCancelled);
        if (since is { } first)
        {
            var start = first.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.PostedAt >= start);
        }

        if (until is { } last)
        {
            var end = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            query = query.Where(e => e.PostedAt < end);
        }

        var lines = await query.OrderBy(e => e.PostedAt).ThenBy(e => e.Id).Take(MostLines)
            .Select(e => new StockLedgerLine(e.PostedAt, e.VoucherEntity, e.VoucherId, e.VoucherNumber, e.Kind, e.EnteredQuantity, e.Unit, e.QuantityChange, e.Rate,
                e.ValueChange, e.QuantityAfter, e.ValueAfter, e.ValuationRate, e.Batch))
            .ToListAsync(cancellationToken);
        return new StockAnswer<IReadOnlyList<StockLedgerLine>>([.. lines.Select(l => l with { PostedAt = DateTime.SpecifyKind(l.PostedAt, DateTimeKind.Utc) })], RecordOutcome.Saved);
    }

    public async Task<IReadOnlyList<StockBinRow>> StockAsync(string? item, string? warehouse, Actor actor, int most = 500, string? branch = null,
        CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (warehouses, branches, items) = await AskedAsync(schema, item, warehouse, branch, actor, cancellationToken);
        if (warehouses.Count == 0 || items is { Count: 0 })
        {
            return [];
        }

        var warehouseIds = warehouses.Keys.ToList();
        var query = db.StockBins.AsNoTracking().Where(b => warehouseIds.Contains(b.Warehouse) && (b.Quantity != 0 || b.Value != 0));
        if (items is not null)
        {
            var itemIds = items.Keys.ToList();
            query = query.Where(b => itemIds.Contains(b.Item));
        }

        // Decimals are compared in memory (SQLite keeps them as text); bins are one per item × warehouse. What open orders promise counts
        // too, with a row of its own where nothing is in stock yet.
        var bins = (await query.ToListAsync(cancellationToken)).ToDictionary(b => (b.Item, b.Warehouse));
        var promised = await new StockCommitments(records, schema).ReadAsync(items is { Count: 1 } ? items.Keys.Single() : null,
            warehouses.Count == 1 ? warehouseIds[0] : null, cancellationToken);
        var keys = bins.Keys.Union(promised.Keys.Where(k => warehouses.ContainsKey(k.Warehouse) && (items is null || items.ContainsKey(k.Item)))).ToList();
        items ??= await NamedAsync(schema, e => e.Stock?.Item?.Code, [.. keys.Select(k => k.Item).Distinct()], actor, cancellationToken);
        return [.. keys.Where(k => items.ContainsKey(k.Item))
            .Select(k => (Key: k, Bin: bins.GetValueOrDefault(k), Promised: promised.GetValueOrDefault(k)))
            .OrderByDescending(r => r.Bin?.Value ?? 0m).ThenBy(r => items[r.Key.Item].Code, StringComparer.Ordinal).Take(most)
            .Select(r => new StockBinRow(items[r.Key.Item].Code, items[r.Key.Item].Name, warehouses[r.Key.Warehouse].Code, warehouses[r.Key.Warehouse].Name,
                r.Bin?.Quantity ?? 0m, r.Bin?.Value ?? 0m, r.Bin?.ValuationRate ?? 0m, r.Promised?.Reserved ?? 0m, r.Promised?.Ordered ?? 0m,
                branches.TryGetValue(r.Key.Warehouse, out var of) ? of.Name : null))];
    }

    public async Task<IReadOnlyList<StockMovementRow>> MovementAsync(DateOnly from, DateOnly until, string? item, string? warehouse, string? branch, Actor actor,
        CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var (warehouses, branches, items) = await AskedAsync(schema, item, warehouse, branch, actor, cancellationToken);
        if (warehouses.Count == 0 || items is { Count: 0 } || until < from)
        {
            return [];
        }

        // Where each bin stands now, less what moved after the period, is where it closed; less what moved in it, where it opened. Only
        // the entries from the period's start on are read, summed as they stream (SQLite keeps decimals as text).
        var warehouseIds = warehouses.Keys.ToList();
        var itemIds = items?.Keys.ToList();
        var bins = await db.StockBins.AsNoTracking().Where(b => warehouseIds.Contains(b.Warehouse) && (itemIds == null || itemIds.Contains(b.Item)))
            .Select(b => new { b.Item, b.Warehouse, b.Quantity, b.Value }).ToListAsync(cancellationToken);
        var (start, end) = (from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), until.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var sums = new Dictionary<(Guid Item, Guid Warehouse), MovementSums>();
        var entries = db.StockLedgerEntries.AsNoTracking()
            .Where(e => !e.IsCancelled && e.PostedAt >= start && warehouseIds.Contains(e.Warehouse) && (itemIds == null || itemIds.Contains(e.Item)))
            .Select(e => new { e.Item, e.Warehouse, e.PostedAt, e.QuantityChange, e.ValueChange }).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            var bin = sums.TryGetValue((entry.Item, entry.Warehouse), out var known) ? known : sums[(entry.Item, entry.Warehouse)] = new MovementSums();
            if (entry.PostedAt >= end)
            {
                bin.AfterQuantity += entry.QuantityChange;
                bin.AfterValue += entry.ValueChange;
            }
            else if (entry.QuantityChange > 0m || (entry.QuantityChange == 0m && entry.ValueChange > 0m))
            {
                bin.InQuantity += entry.QuantityChange;
                bin.InValue += entry.ValueChange;
            }
            else
            {
                bin.OutQuantity -= entry.QuantityChange;
                bin.OutValue -= entry.ValueChange;
            }
        }

        var rows = new List<(Guid Item, Guid Warehouse, decimal[] Figures)>();
        foreach (var bin in bins)
        {
            var moved = sums.GetValueOrDefault((bin.Item, bin.Warehouse)) ?? new MovementSums();
            var (closingQuantity, closingValue) = (bin.Quantity - moved.AfterQuantity, bin.Value - moved.AfterValue);
            var (openingQuantity, openingValue) = (closingQuantity - moved.InQuantity + moved.OutQuantity, closingValue - moved.InValue + moved.OutValue);
            decimal[] figures = [openingQuantity, openingValue, moved.InQuantity, moved.InValue, moved.OutQuantity, moved.OutValue, closingQuantity, closingValue];
            if (figures.Any(f => f != 0m))
            {
                rows.Add((bin.Item, bin.Warehouse, figures));
            }
        }

        items ??= await NamedAsync(schema, e => e.Stock?.Item?.Code, [.. rows.Select(r => r.Item).Distinct()], actor, cancellationToken);
        return [.. rows.Where(r => items.ContainsKey(r.Item))
            .OrderBy(r => items[r.Item].Code, StringComparer.Ordinal).ThenBy(r => warehouses[r.Warehouse].Code, StringComparer.Ordinal).Take(MostLines)
            .Select(r => new StockMovementRow(items[r.Item].Code, items[r.Item].Name, warehouses[r.Warehouse].Code, warehouses[r.Warehouse].Name,
                branches.TryGetValue(r.Warehouse, out var of) ? of.Name : null, r.Figures[0], r.Figures[1], r.Figures[2], r.Figures[3], r.Figures[4], r.Figures[5], r.Figures[6], r.Figures[7]))];
    }

    /// <summary>
    /// The warehouses asked about (one by code, or all, of one branch when asked) among those the person may read, with their branches,
    /// and the item asked about (null: any).
    /// </summary>
    private async Task<(Dictionary<Guid, (string Code, string Name)> Warehouses, Dictionary<Guid, (string Code, string Name)> Branches,
        Dictionary<Guid, (string Code, string Name)>? Items)> AskedAsync(RecordsSchema schema, string? item, string? warehouse, string? branch, Actor actor,
        CancellationToken cancellationToken)
    {
        var warehouses = await ReadableAsync(schema, e => e.Stock?.Warehouse?.Code, warehouse, actor, cancellationToken);
        var branches = await BranchesAsync(schema, warehouses.Keys, cancellationToken);
        if (branch is not null)
        {
            warehouses = warehouses.Where(w => branches.TryGetValue(w.Key, out var of) && (of.Code == branch || of.Name == branch)).ToDictionary();
        }

        return (warehouses, branches, item is null ? null : await ReadableAsync(schema, e => e.Stock?.Item?.Code, item, actor, cancellationToken));
    }

    /// <summary>What moved in a bin in the period (in and out) and after it.</summary>
    private sealed class MovementSums
    {
        public decimal InQuantity { get; set; }

        public decimal InValue { get; set; }

        public decimal OutQuantity { get; set; }

        public decimal OutValue { get; set; }

        public decimal AfterQuantity { get; set; }

        public decimal AfterValue { get; set; }
    }

    public async Task<IReadOnlyList<StockReorderNeed>> ReorderAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        if (!StockReorderPlan.Declared(schema))
        {
            return [];
        }

        var warehouses = await ReadableAsync(schema, e => e.Stock?.Warehouse?.Code, null, actor, cancellationToken);
        var items = await ReadableAsync(schema, e => e.Stock?.Item?.Code, null, actor, cancellationToken);
        return await new StockReorderPlan(db, records, schema).NeedsAsync(items, warehouses, cancellationToken);
    }

    public async Task<IReadOnlyList<StockReorderDraft>?> ReorderDraftsAsync(string document, Actor actor, CancellationToken cancellationToken = default)
    {
        if ((await schemas.LoadSchemaAsync(cancellationToken)).Find(document)?.Stock?.Orders is not { } orders)
        {
            return null;
        }

        var needs = await ReorderAsync(actor, cancellationToken);
        return [.. needs.GroupBy(n => (n.WarehouseId, n.Supplier))
            .OrderBy(g => g.First().WarehouseCode, StringComparer.Ordinal).ThenBy(g => g.Key.Supplier, StringComparer.Ordinal)
            .SelectMany(group => StockReorderDrafts.Of(orders, [.. group]))];
    }

    /// <summary>
    /// The branch each warehouse belongs to, by code and name: a lookup's record named as people know it (its code where its entity has one
    /// called so), or the text the warehouse keeps. Branch names are no secret of a warehouse the person may read.
    /// </summary>
    private async Task<Dictionary<Guid, (string Code, string Name)>> BranchesAsync(RecordsSchema schema, IReadOnlyCollection<Guid> warehouses, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (string, string)>();
        foreach (var entity in schema.Entities.Where(e => e.Stock?.Warehouse?.Branch is not null))
        {
            var field = entity.LiveField(entity.Stock!.Warehouse!.Branch!);
            await using var reader = (await records.OpenReaderAsync(entity.Name, cancellationToken: cancellationToken))!;
            var rows = await reader.FindManyAsync(entity, warehouses, cancellationToken);
            var target = field is { Type: "lookup", Target: { } targetName } ? schema.Find(targetName) : null;
            Dictionary<Guid, Dictionary<string, object?>> targets = [];
            if (target is not null)
            {
                await using var branchReader = (await records.OpenReaderAsync(target.Name, cancellationToken: cancellationToken))!;
                targets = await branchReader.FindManyAsync(target, [.. rows.Values.Select(r => StockValues.Id(r.GetValueOrDefault(field!.Name))).OfType<Guid>().Distinct()], cancellationToken);
            }

            foreach (var (id, row) in rows)
            {
                var value = row.GetValueOrDefault(field!.Name);
                if (target is not null && StockValues.Id(value) is { } branchId && targets.TryGetValue(branchId, out var record))
                {
                    var name = target.NamingField() is { } naming ? StockValues.Text(record.GetValueOrDefault(naming.Name)) : null;
                    var code = target.LiveField("code") is not null ? StockValues.Text(record.GetValueOrDefault("code")) : null;
                    found[id] = (code ?? name ?? branchId.ToString(), name ?? code ?? branchId.ToString());
                }
                else if (target is null && StockValues.Text(value) is { } text)
                {
                    found[id] = (text, text);
                }
            }
        }

        return found;
    }

    /// <summary>The records the person may read of the entities playing a part (all of them, or the one of a code), by id: code and name.</summary>
    private async Task<Dictionary<Guid, (string Code, string Name)>> ReadableAsync(RecordsSchema schema, Func<EntityDefinition, string?> codeField, string? code, Actor actor,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (string, string)>();
        await foreach (var (entity, reader) in ReadersAsync(schema, codeField, actor, cancellationToken))
        {

            var field = codeField(entity)!;
            var rows = code is null
                ? (await reader.Live.Take(MostLines).ToListAsync(cancellationToken)).Select(r => (IReadOnlyDictionary<string, object?>)reader.Present(r)).ToList()
                : [.. (await reader.FindByAsync(entity, field, [code], cancellationToken)).Cast<IReadOnlyDictionary<string, object?>>()];
            foreach (var row in rows)
            {
                Add(found, entity, field, row);
            }
        }

        return found;
    }

    private async Task<Dictionary<Guid, (string Code, string Name)>> NamedAsync(RecordsSchema schema, Func<EntityDefinition, string?> codeField, IReadOnlyCollection<Guid> ids, Actor actor,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, (string, string)>();
        await foreach (var (entity, reader) in ReadersAsync(schema, codeField, actor, cancellationToken))
        {

            foreach (var row in (await reader.FindManyAsync(entity, ids, cancellationToken)).Values)
            {
                Add(found, entity, codeField(entity)!, row);
            }
        }

        return found;
    }

    private static void Add(Dictionary<Guid, (string, string)> found, EntityDefinition entity, string codeField, IReadOnlyDictionary<string, object?> row)
    {
        if (StockValues.Id(row.GetValueOrDefault(SystemFields.Id)) is { } id)
        {
            var code = StockValues.Text(row.GetValueOrDefault(codeField)) ?? "";
            var name = entity.NamingField() is { } naming ? StockValues.Text(row.GetValueOrDefault(naming.Name)) ?? code : code;
            found[id] = (code, name);
        }
    }

    /// <summary>The item and warehouse of these codes among the records the person may read, or why not.</summary>
    private async Task<((StockItem, StockWarehouse)? Found, string? Refused)> FindAsync(string itemCode, string warehouseCode, Actor actor, CancellationToken cancellationToken)
    {
        var schema = await schemas.LoadSchemaAsync(cancellationToken);
        var parties = new StockParties(records, schema);
        var itemId = await FindIdAsync(schema, e => e.Stock?.Item?.Code, itemCode, actor, cancellationToken);
        if (itemId is not var (itemEntity, id) || await parties.ItemAsync(itemEntity, id, cancellationToken) is not { } stockItem)
        {
            return (null, localizer["Stock.Error.ItemNotFound", itemCode].Value);
        }

        var warehouseId = await FindIdAsync(schema, e => e.Stock?.Warehouse?.Code, warehouseCode, actor, cancellationToken);
        if (warehouseId is not var (warehouseEntity, wid) || await parties.WarehouseAsync(warehouseEntity, wid, cancellationToken) is not { } stockWarehouse)
        {
            return (null, localizer["Stock.Error.WarehouseNotFound", warehouseCode].Value);
        }

        return ((stockItem, stockWarehouse), null);
    }

    private async Task<(EntityDefinition, Guid)?> FindIdAsync(RecordsSchema schema, Func<EntityDefinition, string?> codeField, string code, Actor actor, CancellationToken cancellationToken)
    {
        await foreach (var (entity, reader) in ReadersAsync(schema, codeField, actor, cancellationToken))
        {

            var found = await reader.FindByAsync(entity, codeField(entity)!, [code], cancellationToken);
            if (found.Count == 1 && StockValues.Id(found[0].GetValueOrDefault(SystemFields.Id)) is { } id)
            {
                return (entity, id);
            }
        }

        return null;
    }

    /// <summary>A reader for each entity playing the part (the person's view of it), skipping those they may not read at all.</summary>
    private async IAsyncEnumerable<(EntityDefinition Entity, IRecordReader Reader)> ReadersAsync(RecordsSchema schema, Func<EntityDefinition, string?> codeField, Actor actor,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entity in schema.Entities.Where(e => codeField(e) is not null))
        {
            await using var reader = await records.OpenReaderAsync(entity.Name, actor, cancellationToken);
            if (reader is { Forbidden: false })
            {
                yield return (entity, reader);
            }
        }
    }

    private static string MethodName(ValuationMethod method) => method switch
    {
        ValuationMethod.MovingAverage => Core.Metadata.Stock.StockValuationNames.MovingAverage,
        ValuationMethod.Lifo => Core.Metadata.Stock.StockValuationNames.Lifo,
        ValuationMethod.Specific => Core.Metadata.Stock.StockValuationNames.Specific,
        _ => Core.Metadata.Stock.StockValuationNames.Fifo,
    };
}
