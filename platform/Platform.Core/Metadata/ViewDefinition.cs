namespace Platform.Core.Metadata;

/// <summary>
/// A saved way of looking at an entity's records: which columns, in which order, which records
/// (conditions, all of which must hold), as a list or as a kanban board grouped by a choice field,
/// and rows coloured by a choice field's colours. Personal views belong to one user; shared views
/// are everyone's.
/// </summary>
public sealed class ViewDefinition
{
    public const string ListLayout = "list";
    public const string KanbanLayout = "kanban";

    public string Label { get; set; } = "";

    /// <summary>The name in each language, for shared views app packages bring; <see cref="Label"/> is used where none is given.</summary>
    public LocalizedText? Labels { get; set; }

    /// <summary>The name in the reader's language.</summary>
    public string LabelFor(string culture) => Labels is { IsBlank: false } labels ? labels.For(culture) : Label;

    /// <summary>Field names in display order; the entity's first fields when empty.</summary>
    public List<string> Columns { get; set; } = [];

    public string? SortBy { get; set; }

    public bool SortDescending { get; set; }

    public List<ViewCondition> Conditions { get; set; } = [];

    /// <summary><c>list</c> or <c>kanban</c>.</summary>
    public string Layout { get; set; } = ListLayout;

    /// <summary>For kanban: the choice field whose values are the board's columns.</summary>
    public string? GroupBy { get; set; }

    /// <summary>A choice field whose colours tint the rows (status colours).</summary>
    public string? ColourBy { get; set; }
}
