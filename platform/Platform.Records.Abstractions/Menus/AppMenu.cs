namespace Platform.Records.Menus;

/// <summary>A menu group an app package defines (Sales: customers, orders…), kept as its document and found again by its file.</summary>
public sealed class AppMenu
{
    public Guid Id { get; set; }

    /// <summary>The package file that defines it, e.g. <c>menus/sales.json</c>.</summary>
    public string Source { get; set; } = "";

    /// <summary>The menu document as JSON: label, icon, order and items.</summary>
    public string Definition { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";
}
