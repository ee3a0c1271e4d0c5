using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using Platform.Records;
using Platform.Records.Stock;
using Platform.Web.Security;

namespace Platform.Inventory.Endpoints;

/// <summary>
/// <c>GET /api/inventory/stock[?item=&amp;warehouse=&amp;branch=]</c>, <c>GET /api/inventory/summary[?from=&amp;to=&amp;item=&amp;warehouse=&amp;branch=]</c>, <c>GET /api/inventory/reorder</c>, <c>GET /api/inventory/balance?item=&amp;warehouse=[&amp;at=yyyy-MM-dd]</c> and <c>GET /api/inventory/ledger?item=&amp;warehouse=[&amp;from=&amp;to=]</c>:
/// items and warehouses by code, answered only to people who may read both records (404 otherwise, as for one that does not exist).
/// </summary>
public static class StockEndpoints
{
    public static void MapStockEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var inventory = endpoints.MapGroup("/api/inventory").WithTags("Inventory");
        inventory.MapGet("/balance", BalanceAsync).WithName("StockBalance")
            .WithSummary("An item's quantity, value, valuation rate and FIFO/LIFO queue in a warehouse, now or at the end of a day.");
        inventory.MapGet("/stock", StockAsync).WithName("StockOnHand")
            .WithSummary("What is in stock, reserved and on order by item and warehouse (of one item, warehouse or branch by code), most valuable first, at most 500 rows.");
        inventory.MapGet("/reorder", ReorderAsync).WithName("StockReorder")
            .WithSummary("Items whose projected stock in a warehouse is below the reorder level their table sets, with what to order.");
        inventory.MapGet("/summary", SummaryAsync).WithName("StockMovementSummary")
            .WithSummary("收发存汇总: per item and warehouse, the stock at the start of from, what came in and went out to the end of to, and the stock then (this month when not given).");
        inventory.MapGet("/ledger", LedgerAsync).WithName("StockLedger")
            .WithSummary("An item's ledger entries in a warehouse, oldest first, with the running quantity and value (at most 10,000: narrow the dates).");
    }

    private static async Task<IResult> BalanceAsync(HttpContext context, IStockLedger ledger, IStringLocalizer text, string? item, string? warehouse, string? at)
    {
        if (Refused(text, item, warehouse, ("at", at)) is { } refused)
        {
            return refused;
        }

        var answer = await ledger.BalanceAsync(item!, warehouse!, Day(at), Actors.From(context.User), context.RequestAborted);
        return answer.Value is { } balance ? TypedResults.Ok(balance) : NotFound(answer.Error);
    }

    private static async Task<IResult> StockAsync(HttpContext context, IStockLedger ledger, string? item, string? warehouse, string? branch) =>
        TypedResults.Ok(new
        {
            items = await ledger.StockAsync(Blank(item), Blank(warehouse), Actors.From(context.User), cancellationToken: context.RequestAborted, branch: Blank(branch)),
        });

    private static async Task<IResult> ReorderAsync(HttpContext context, IStockLedger ledger) =>
        TypedResults.Ok(new { items = await ledger.ReorderAsync(Actors.From(context.User), context.RequestAborted) });

    private static async Task<IResult> SummaryAsync(HttpContext context, IStockLedger ledger, IStringLocalizer text, TimeProvider clock, string? from, string? to,
        string? item, string? warehouse, string? branch)
    {
        foreach (var (name, value) in new[] { ("from", from), ("to", to) })
        {
            if (!string.IsNullOrEmpty(value) && Day(value) is null)
            {
                return Problem(StatusCodes.Status400BadRequest, text["Inventory.Error.Day", name, value].Value, name);
            }
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (first, last) = (Day(from) ?? new DateOnly(today.Year, today.Month, 1), Day(to) ?? today);
        if (last < first)
        {
            return Problem(StatusCodes.Status400BadRequest, text["Inventory.Error.Period", first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)].Value, "to");
        }

        var rows = await ledger.MovementAsync(first, last, Blank(item), Blank(warehouse), Blank(branch), Actors.From(context.User), context.RequestAborted);
        return TypedResults.Ok(new { from = first, to = last, items = rows });
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<IResult> LedgerAsync(HttpContext context, IStockLedger ledger, IStringLocalizer text, string? item, string? warehouse, string? from, string? to)
    {
        if (Refused(text, item, warehouse, ("from", from), ("to", to)) is { } refused)
        {
            return refused;
        }

        var answer = await ledger.LedgerAsync(item!, warehouse!, Day(from), Day(to), Actors.From(context.User), context.RequestAborted);
        return answer.Value is { } lines ? TypedResults.Ok(new { item, warehouse, entries = lines }) : NotFound(answer.Error);
    }

    /// <summary>Why the query cannot be answered as asked: an item or warehouse missing, a day that is not yyyy-MM-dd.</summary>
    private static IResult? Refused(IStringLocalizer text, string? item, string? warehouse, params (string Name, string? Value)[] days)
    {
        foreach (var (name, value) in new[] { ("item", item), ("warehouse", warehouse) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return Problem(StatusCodes.Status400BadRequest, text["Inventory.Error.Missing", name].Value, name);
            }
        }

        foreach (var (name, value) in days)
        {
            if (value is not null && Day(value) is null)
            {
                return Problem(StatusCodes.Status400BadRequest, text["Inventory.Error.Day", name, value].Value, name);
            }
        }

        return null;
    }

    private static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static IResult NotFound(string? message) => Problem(StatusCodes.Status404NotFound, message ?? "", null);

    private static IResult Problem(int status, string message, string? target) =>
        Results.Json(new { error = new { code = status == 404 ? "NotFound" : "BadRequest", message, target } }, statusCode: status);
}
