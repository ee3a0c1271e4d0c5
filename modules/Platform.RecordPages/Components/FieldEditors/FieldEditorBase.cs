using Microsoft.AspNetCore.Components;
using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.RecordPages.Components.FieldEditors;

/// <summary>What every field kind's editor is given: the field, its value, where changes go, whether it is read-only, and who edits.</summary>
public abstract class FieldEditorBase : ComponentBase
{
    [Parameter, EditorRequired]
    public FieldDefinition Field { get; set; } = default!;

    [Parameter]
    public object? Value { get; set; }

    [Parameter]
    public EventCallback<object?> ValueChanged { get; set; }

    [Parameter]
    public bool ReadOnly { get; set; }

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>For lookups: set to offer creating the target record from the picker.</summary>
    [Parameter]
    public EventCallback<string?> CreateNew { get; set; }

    [Parameter]
    public string? TestId { get; set; }

    protected Task SetAsync(object? value) => ValueChanged.InvokeAsync(value);
}
