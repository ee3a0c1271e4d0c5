using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Records;
using Platform.Stock.Valuation;

namespace Platform.Stock.Posting;

/// <summary>An item as the ledger needs it: code, valuation, whether it may go negative, its stock unit and the factors of its other units.</summary>
public sealed record StockItem(Guid Id, string Code, ValuationMethod Method, bool AllowNegative, string? StockUnit, IReadOnlyDictionary<string, decimal> Factors)
{
    /// <summary>Stock units in one <paramref name="unit"/>: 1 for none or the stock unit, null for a unit the item has no factor for.</summary>
    public decimal? FactorOf(string? unit) =>
        string.IsNullOrWhiteSpace(unit) || string.Equals(unit.Trim(), StockUnit, StringComparison.OrdinalIgnoreCase) ? 1m
        : Factors.TryGetValue(unit.Trim(), out var factor) ? factor : null;
}

/// <summary>A warehouse as the ledger needs it.</summary>
public sealed record StockWarehouse(Guid Id, string Code, bool AllowNegative, string? Branch);

/// <summary>
/// Reads the items and warehouses a posting names from their records, with the fields their entities' stock settings point at — all
/// records, whoever posts (a delivery takes stock from a warehouse its clerk may not otherwise see).
/// </summary>
public sealed class StockParties(IRecordStore records, RecordsSchema schema)
{
    private readonly Dictionary<Guid, StockItem?> _items = [];
    private readonly Dictionary<Guid, StockWarehouse?> _warehouses = [];

    public async Task<StockItem?> ItemAsync(EntityDefinition entity, Guid id, CancellationToken cancellationToken)
    {
        if (_items.TryGetValue(id, out var known))
        {
            return known;
        }

        var settings = entity.Stock!.Item!;
        var record = await records.GetAsync(entity.Name, id, cancellationToken: cancellationToken);
        StockItem? item = null;
        if (record is not null)
        {
            var method = StockValues.Text(settings.Valuation is { } v ? record.GetValueOrDefault(v) : null) ?? settings.DefaultValuation;
            var factors = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
            if (settings.Units is { } units && record.GetValueOrDefault(units) is IEnumerable<IReadOnlyDictionary<string, object?>> lines)
            {
                foreach (var line in lines)
                {
                    if (StockValues.Text(line.GetValueOrDefault(settings.UnitName)) is { } unit && StockValues.Number(line.GetValueOrDefault(settings.UnitFactor)) is > 0m and var factor)
                    {
                        factors[unit.Trim()] = factor;
                    }
                }
            }

            item = new StockItem(id, StockValues.Text(record.GetValueOrDefault(settings.Code)) ?? id.ToString(), Method(method),
                settings.AllowNegative is { } a && record.GetValueOrDefault(a) is true, settings.StockUnit is { } u ? StockValues.Text(record.GetValueOrDefault(u))?.Trim() : null, factors);
        }

        _items[id] = item;
        return item;
    }

    public async Task<StockWarehouse?> WarehouseAsync(EntityDefinition entity, Guid id, CancellationToken cancellationToken)
    {
        if (_warehouses.TryGetValue(id, out var known))
        {
            return known;
        }

        var settings = entity.Stock!.Warehouse!;
        var record = await records.GetAsync(entity.Name, id, cancellationToken: cancellationToken);
        var warehouse = record is null ? null
            : new StockWarehouse(id, StockValues.Text(record.GetValueOrDefault(settings.Code)) ?? id.ToString(),
                settings.AllowNegative is { } a && record.GetValueOrDefault(a) is true,
                settings.Branch is { } b ? Convert.ToString(record.GetValueOrDefault(b), CultureInfo.InvariantCulture) : null);
        _warehouses[id] = warehouse;
        return warehouse;
    }

    /// <summary>The entity a lookup of <paramref name="owner"/> points at, when its records are items (or warehouses).</summary>
    public EntityDefinition? Target(EntityDefinition owner, string field, Func<StockDefinition, bool> plays) =>
        owner.LiveField(field) is { Type: var type, Target: { } target } && type == FieldTypes.Lookup.Name && schema.Find(target) is { Stock: { } stock } found && plays(stock)
            ? found : null;

    public static ValuationMethod Method(string name) => name switch
    {
        StockValuationNames.MovingAverage => ValuationMethod.MovingAverage,
        StockValuationNames.Lifo => ValuationMethod.Lifo,
        StockValuationNames.Specific => ValuationMethod.Specific,
        _ => ValuationMethod.Fifo,
    };
}
