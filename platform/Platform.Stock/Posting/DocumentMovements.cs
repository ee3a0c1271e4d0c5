using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Records;
using Platform.Stock.Storage;
using Platform.Stock.Valuation;

namespace Platform.Stock.Posting;

/// <summary>
/// Works out what a document moves from its postings and its lines — items and warehouses found, quantities turned into stock units,
/// rates and batches read — and says, in the person's language and naming the line, what stops a line from being posted.
/// </summary>
public sealed class DocumentMovements(StockParties parties, RecordsSchema schema, IStringLocalizer localizer)
{
    /// <summary>The most a quantity or a rate may be: beyond it a figure is a typing slip, not stock.</summary>
    public const decimal Absurd = 1_000_000_000_000m;

    public async Task<(List<PlannedMovement> Planned, List<string> Problems)> PlanAsync(EntityDefinition entity, IReadOnlyDictionary<string, object?> document,
        CancellationToken cancellationToken)
    {
        var planned = new List<PlannedMovement>();
        var problems = new List<string>();
        foreach (var posting in entity.Stock?.Postings ?? [])
        {
            var lineEntity = posting.Lines is { } linesField ? schema.Find(entity.LiveField(linesField)!.Target!)! : entity;
            var lines = posting.Lines is { } field
                ? (document.GetValueOrDefault(field) as IEnumerable<IReadOnlyDictionary<string, object?>> ?? []).ToList()
                : [document];
            for (var i = 0; i < lines.Count; i++)
            {
                await PlanLineAsync(entity, lineEntity, posting, document, lines[i], posting.Lines is null ? 0 : i + 1, planned, problems, cancellationToken);
            }
        }

        return (planned, problems);
    }

    private async Task PlanLineAsync(EntityDefinition entity, EntityDefinition lineEntity, StockPosting posting, IReadOnlyDictionary<string, object?> document,
        IReadOnlyDictionary<string, object?> line, int number, List<PlannedMovement> planned, List<string> problems, CancellationToken cancellationToken)
    {
        string Where(string key, params object?[] args)
        {
            var said = localizer[key, [.. args.Select(a => a ?? "")]].Value;
            return number == 0 ? said : localizer["Stock.Error.OnLine", number, said].Value;
        }

        object? Read(string? reference) => reference is null ? null
            : reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) ? document.GetValueOrDefault(reference[StockPosting.DocumentPrefix.Length..])
            : line.GetValueOrDefault(reference);

        (EntityDefinition Owner, string Field) Owner(string reference) =>
            reference.StartsWith(StockPosting.DocumentPrefix, StringComparison.Ordinal) ? (entity, reference[StockPosting.DocumentPrefix.Length..]) : (lineEntity, reference);

        if (posting.When is { } when && Read(when) is not true)
        {
            return; // not this time: the document does not move stock (an invoice without 更新库存)
        }

        var quantityValue = Read(posting.Quantity);
        var itemId = StockValues.Id(Read(posting.Item));
        if (itemId is null && quantityValue is null)
        {
            return; // an empty line moves nothing
        }

        // The declaration points at items and warehouses (a package mistake is named as such).
        var (itemOwner, itemField) = Owner(posting.Item);
        if (parties.Target(itemOwner, itemField, s => s.Item is not null) is not { } itemEntity)
        {
            problems.Add(localizer["Stock.Error.NotItems", posting.Item].Value);
            return;
        }

        if (itemId is null)
        {
            problems.Add(Where("Stock.Error.NoItem"));
            return;
        }

        if (await parties.ItemAsync(itemEntity, itemId.Value, cancellationToken) is not { } item)
        {
            problems.Add(Where("Stock.Error.UnknownItem"));
            return;
        }

        var entered = StockValues.Number(quantityValue);
        var counting = posting.Kind == StockPosting.Count;
        var returning = posting.Return is { } marked && posting.Kind is StockPosting.Receipt or StockPosting.Issue && Read(marked) is true;
        if (returning && entered is > 0)
        {
            problems.Add(Where("Stock.Error.ReturnPositive", item.Code, entered.Value.ToString("0.######", CultureInfo.CurrentCulture)));
            return;
        }

        // A return's quantities are negative: checked and converted as what comes back (or goes back).
        var quantity = returning ? -entered : entered;
        if (quantity is null || quantity < 0 || quantity > Absurd)
        {
            problems.Add(Where(quantity is null ? "Stock.Error.NoQuantity" : quantity < 0 ? "Stock.Error.NegativeQuantity" : "Stock.Error.AbsurdQuantity",
                item.Code, entered?.ToString("0.######", CultureInfo.CurrentCulture)));
            return;
        }

        if (quantity == 0 && !counting)
        {
            return; // a line of nothing moves nothing
        }

        var unit = StockValues.Text(Read(posting.Unit))?.Trim();
        if (item.FactorOf(unit) is not { } factor)
        {
            problems.Add(Where("Stock.Error.UnknownUnit", item.Code, unit));
            return;
        }

        var stockQuantity = Math.Round(quantity.Value * factor, 6, MidpointRounding.AwayFromZero);
        if (stockQuantity == 0 && !counting)
        {
            problems.Add(Where("Stock.Error.RoundsToZero", quantity.Value.ToString("0.######", CultureInfo.CurrentCulture), unit, item.Code));
            return;
        }

        decimal? rate = null;
        if (posting.Rate is not null && Read(posting.Rate) is { } rateValue)
        {
            rate = StockValues.Number(rateValue);
            if (rate is null or < 0 or > Absurd)
            {
                problems.Add(Where("Stock.Error.Rate", item.Code));
                return;
            }

            rate = StockValuation.Rate(rate.Value / factor); // a price per box is a rate per stock unit over the box's factor
        }

        var batch = StockValues.Text(Read(posting.Batch))?.Trim();
        if (item.Method == ValuationMethod.Specific && batch is null && !counting)
        {
            problems.Add(Where("Stock.Error.NoBatch", item.Code));
            return;
        }

        var warehouses = new List<StockWarehouse>();
        foreach (var reference in posting.Kind == StockPosting.Transfer ? new[] { posting.From!, posting.To! } : [posting.Warehouse!])
        {
            var (owner, field) = Owner(reference);
            if (parties.Target(owner, field, s => s.Warehouse is not null) is not { } warehouseEntity)
            {
                problems.Add(localizer["Stock.Error.NotWarehouses", reference].Value);
                return;
            }

            if (StockValues.Id(Read(reference)) is not { } warehouseId)
            {
                problems.Add(Where("Stock.Error.NoWarehouse", item.Code));
                return;
            }

            if (await parties.WarehouseAsync(warehouseEntity, warehouseId, cancellationToken) is not { } warehouse)
            {
                problems.Add(Where("Stock.Error.UnknownWarehouse", item.Code));
                return;
            }

            warehouses.Add(warehouse);
        }

        var lineId = number == 0 ? null : StockValues.Id(line.GetValueOrDefault(SystemFields.Id));
        switch (posting.Kind)
        {
            case StockPosting.Receipt when returning:
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.Issue, entered!.Value, unit, -stockQuantity, null, null, batch));
                break;
            case StockPosting.Receipt:
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.Receipt, quantity.Value, unit, stockQuantity, null, rate ?? 0m, batch));
                break;
            case StockPosting.Issue when returning:
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.Receipt, entered!.Value, unit, stockQuantity, null, rate, batch));
                break;
            case StockPosting.Issue:
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.Issue, quantity.Value, unit, -stockQuantity, null, null, batch));
                break;
            case StockPosting.Count:
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.Count, quantity, unit, 0m, stockQuantity, rate, null));
                break;
            case StockPosting.Transfer:
                if (warehouses[0].Id == warehouses[1].Id)
                {
                    problems.Add(Where("Stock.Error.SameWarehouse", item.Code));
                    return;
                }

                planned.Add(new PlannedMovement(number, lineId, item, warehouses[0], StockEntryKinds.TransferOut, quantity, unit, -stockQuantity, null, null, batch));
                planned.Add(new PlannedMovement(number, lineId, item, warehouses[1], StockEntryKinds.TransferIn, quantity, unit, stockQuantity, null, rate, batch)
                {
                    RateOf = rate is null ? planned.Count - 1 : null,
                });
                break;
        }
    }
}
