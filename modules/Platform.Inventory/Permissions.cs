using Platform.Abstractions.Permissions;

namespace Platform.Inventory;

/// <summary>Permission names of the inventory module. The stock shown is further limited to the items and warehouses the person may read.</summary>
public sealed class Permissions : IPermissionProvider
{
    /// <summary>See the stock on hand page (库存余额) and its ledger.</summary>
    public const string ViewStock = "Inventory.Stock.View";

    public IEnumerable<PermissionDefinition> GetPermissions() =>
        [new(ViewStock, "Inventory.Permissions.Group", "Inventory.Permissions.ViewStock")];
}
