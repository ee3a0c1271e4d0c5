using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Records;
using Platform.Records.Stock;
using Platform.Stock.Posting;
using Platform.Stock.Reading;

namespace Platform.Stock;

public static class StockLedgerServiceCollectionExtensions
{
    /// <summary>The stock ledger: documents post when submitted and unpost when cancelled; balances and entries are read through <see cref="IStockLedger"/>.</summary>
    public static IServiceCollection AddStockLedger(this IServiceCollection services)
    {
        services.TryAddScoped<StockLedgerWriter>();
        services.TryAddScoped<IStockLedger, StockLedgerReader>();
        services.AddScoped<IRecordSaveHandler, StockPostingHandler>();
        return services;
    }
}
