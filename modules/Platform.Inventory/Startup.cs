using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Modules;
using Platform.Inventory.Endpoints;

namespace Platform.Inventory;

/// <summary>
/// Inventory (进销存) as a capability: the stock ledger's read API — an item's balance in a warehouse, now or at a day's end, with
/// its FIFO/LIFO queue, and its ledger entries with the running balance. Items, warehouses and the documents that move stock are
/// an app package's entities; the ledger posts them when they are submitted.
/// </summary>
public sealed class Startup : ModuleStartup
{
    public override bool HasPages => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddPermissions<Permissions>();
        services.AddNavigation<Menu>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapStockEndpoints();
}
