namespace Platform.Records.Views;

/// <summary>A list view someone saved for an entity: theirs alone, or shared with everyone when <see cref="OwnerId"/> is null.</summary>
public sealed class SavedView
{
    public Guid Id { get; set; }

    public string EntityKey { get; set; } = "";

    /// <summary>The user the view belongs to; null for a shared view.</summary>
    public string? OwnerId { get; set; }

    public string Label { get; set; } = "";

    /// <summary>The <see cref="Core.Metadata.ViewDefinition"/> as JSON.</summary>
    public string Definition { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>For views an app package brings: the package file (<c>views/sales_order.open.json</c>), by which applying it again finds the view.</summary>
    public string? Source { get; set; }
}
