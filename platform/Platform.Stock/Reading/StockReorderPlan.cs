using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Data;
using Platform.Records;
using Platform.Records.Stock;
using Platform.Stock.Posting;
using Platform.Stock.Storage;

namespace Platform.Stock.Reading;

/// <summary>
/// What is to be ordered again: every reorder level an item's table sets for a warehouse, against what is projected there — on hand
/// (the bin), plus what submitted and draft purchase documents bring, less what submitted sales documents reserve. Below the level, the
/// need is the shortfall to it, or the table's reorder quantity where that is more (as ERPNext's material-request job and Odoo's min
/// rule compute it). Drafts count so that a reorder run twice, or a draft waiting for approval, is not ordered twice.
/// </summary>
internal sealed class StockReorderPlan(PlatformDbContext db, IRecordStore records, RecordsSchema schema)
{
    /// <summary>The most items of one entity whose reorder tables are read.</summary>
    public const int MostItems = 10_000;

    private sealed record Level(Guid Item, Guid Warehouse, string? Supplier, string? StockUnit, decimal Minimum, decimal Quantity)
    {
        public string? SupplierName { get; init; }
    }

    public static bool Declared(RecordsSchema schema) => schema.Entities.Any(e => e.Stock?.Item?.Reorder is not null);

    /// <summary>The needs among <paramref name="items"/> and <paramref name="warehouses"/> (those the asker may read), item code then warehouse code order.</summary>
    public async Task<IReadOnlyList<StockReorderNeed>> NeedsAsync(IReadOnlyDictionary<Guid, (string Code, string Name)> items,
        IReadOnlyDictionary<Guid, (string Code, string Name)> warehouses, CancellationToken cancellationToken)
    {
        var levels = new List<Level>();
        foreach (var entity in schema.Entities.Where(e => e.Stock?.Item?.Reorder is not null))
        {
            levels.AddRange((await LevelsAsync(entity, cancellationToken)).Where(l => items.ContainsKey(l.Item) && warehouses.ContainsKey(l.Warehouse)));
        }

        if (levels.Count == 0)
        {
            return [];
        }

        var itemIds = levels.Select(l => l.Item).Distinct().ToList();
        var bins = (await db.StockBins.AsNoTracking().Where(b => itemIds.Contains(b.Item)).Select(b => new { b.Item, b.Warehouse, b.Quantity }).ToListAsync(cancellationToken))
            .ToDictionary(b => (b.Item, b.Warehouse), b => b.Quantity);
        var promised = await new StockCommitments(records, schema).ReadAsync(null, null, cancellationToken, drafts: true);
        var needs = new List<StockReorderNeed>();
        foreach (var level in levels)
        {
            var onHand = bins.GetValueOrDefault((level.Item, level.Warehouse));
            var open = promised.GetValueOrDefault((level.Item, level.Warehouse)) ?? new StockPromised(0m, 0m);
            var projected = onHand + open.Ordered + open.Drafted - open.Reserved;
            if (projected >= level.Minimum)
            {
                continue;
            }

            var (item, warehouse) = (items[level.Item], warehouses[level.Warehouse]);
            needs.Add(new StockReorderNeed(level.Item, item.Code, item.Name, level.Warehouse, warehouse.Code, warehouse.Name, level.Supplier, level.StockUnit,
                level.Minimum, onHand, open.Reserved, open.Ordered, open.Drafted, Math.Max(level.Minimum - projected, level.Quantity)) { SupplierName = level.SupplierName ?? level.Supplier });
        }

        return [.. needs.OrderBy(n => n.ItemCode, StringComparer.Ordinal).ThenBy(n => n.WarehouseCode, StringComparer.Ordinal)];
    }

    /// <summary>The reorder levels the items of <paramref name="entity"/> set: a line without a warehouse or a level sets none.</summary>
    private async Task<List<Level>> LevelsAsync(EntityDefinition entity, CancellationToken cancellationToken)
    {
        var settings = entity.Stock!.Item!;
        var reorder = settings.Reorder!;
        if (entity.LiveField(reorder.Lines)?.Target is not { } target || schema.Find(target) is not { } lineEntity)
        {
            return [];
        }

        await using var reader = (await records.OpenReaderAsync(entity.Name, cancellationToken: cancellationToken))!;
        var rows = (await reader.Live.Take(MostItems).ToListAsync(cancellationToken)).Select(reader.Present).ToDictionary(r => (Guid)r[SystemFields.Id]!);
        var lines = await reader.LinesOfAsync(lineEntity, rows.Keys, cancellationToken);
        var levels = new List<Level>();
        // The supplier is a field of the line, or of the item itself (record.field).
        var onItem = reorder.Supplier?.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) == true;
        var supplierField = onItem ? reorder.Supplier![StockPosting.DocumentPrefix.Length..] : reorder.Supplier;
        var suppliers = supplierField is not null && (onItem ? entity : lineEntity).LiveField(supplierField)?.Target is { } supplierEntity ? schema.Find(supplierEntity) : null;
        var names = new Dictionary<Guid, string?>();
        foreach (var group in lines)
        {
            var item = rows[group.Key];
            var stockUnit = settings.StockUnit is { } unit ? StockValues.Text(item.GetValueOrDefault(unit))?.Trim() : null;
            foreach (var line in group)
            {
                if (StockValues.Id(line.GetValueOrDefault(reorder.Warehouse)) is not { } warehouse || StockValues.Number(line.GetValueOrDefault(reorder.Level)) is not { } minimum)
                {
                    continue;
                }

                var supplier = supplierField is null ? null : (onItem ? item : line).GetValueOrDefault(supplierField);
                var quantity = reorder.Quantity is { } q ? StockValues.Number(line.GetValueOrDefault(q)) ?? 0m : 0m;
                string? name = null;
                if (suppliers is not null && StockValues.Id(supplier) is { } supplierId)
                {
                    if (!names.TryGetValue(supplierId, out name))
                    {
                        var record = await records.GetAsync(suppliers.Name, supplierId, cancellationToken: cancellationToken);
                        names[supplierId] = name = record is not null && suppliers.NamingField() is { } naming ? StockValues.Text(record.GetValueOrDefault(naming.Name)) : null;
                    }
                }

                levels.Add(new Level(group.Key, warehouse, StockValues.Text(supplier is Guid id ? id.ToString() : supplier), stockUnit, minimum, quantity) { SupplierName = name });
            }
        }

        return levels;
    }
}
