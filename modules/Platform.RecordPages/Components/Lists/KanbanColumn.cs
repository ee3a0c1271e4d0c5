namespace Platform.RecordPages.Components.Lists;

/// <summary>One column of a kanban board: a choice value (null for records without one), its label and colour, its first cards and how many there are.</summary>
public sealed record KanbanColumn(string? Value, string Label, string? Colour, IReadOnlyList<IReadOnlyDictionary<string, object?>> Cards, long Count);
