using Platform.Core.Metadata;

namespace Platform.RecordPages.Menus;

/// <summary>
/// A menu group of an app package, <c>menus/*.json</c>:
/// <c>{ "label": { "zh-CN": "销售", "en": "Sales" }, "icon": "storefront", "order": 100, "items": [ { "entity": "customer" }, { "entity": "sales_order", "view": "views/sales_order.open.json" } ] }</c>.
/// </summary>
public sealed class AppMenuDocument
{
    public LocalizedText Label { get; set; } = [];

    public string? Icon { get; set; }

    /// <summary>Where the group stands among the menu's entries (records 50, designer 800, administration 900).</summary>
    public int Order { get; set; } = 100;

    public List<AppMenuItem> Items { get; set; } = [];
}

/// <summary>One entry of a package menu: an entity's list, optionally opened on one of the package's views, with its own label and icon if given.</summary>
public sealed class AppMenuItem
{
    public string Entity { get; set; } = "";

    /// <summary>A view file of the package (<c>views/sales_order.open.json</c>) the list opens on.</summary>
    public string? View { get; set; }

    public LocalizedText? Label { get; set; }

    public string? Icon { get; set; }
}
