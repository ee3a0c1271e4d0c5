using Microsoft.AspNetCore.Components;
using Platform.Core.Security;

namespace Platform.Web.Forms;

/// <summary>
/// A piece a module adds to every saved record's form, above its fields — the approval status and
/// timeline, later stock postings — without the form knowing the module. The form hands it the record
/// and calls it again when the record changed; it says when it changed the record itself (a submit
/// writes the status field and locks the record), so the form reloads.
/// </summary>
public abstract class RecordFormPart : ComponentBase
{
    [Parameter, EditorRequired]
    public string Entity { get; set; } = "";

    [Parameter, EditorRequired]
    public Guid RecordId { get; set; }

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The record's row version as the form shows it: a new value means it was saved since.</summary>
    [Parameter]
    public int RowVersion { get; set; }

    /// <summary>The actor may change the record now (the form's rights; false while an approval holds it).</summary>
    [Parameter]
    public bool MayChange { get; set; }

    /// <summary>The form has changes not saved yet: what acts on the stored record waits for them.</summary>
    [Parameter]
    public bool Unsaved { get; set; }

    /// <summary>Raised when this part changed the record (or what holds it): the form reads it again.</summary>
    [Parameter]
    public EventCallback RecordChanged { get; set; }
}
