namespace Platform.Core.Metadata;

/// <summary>One value of a choice list: a stable stored value, its labels and a colour for lists and kanban.</summary>
public sealed class ChoiceOption
{
    public string Value { get; set; } = "";

    public LocalizedText Label { get; set; } = [];

    /// <summary>A CSS colour such as <c>#2e7d32</c>.</summary>
    public string? Color { get; set; }
}
