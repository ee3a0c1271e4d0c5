namespace Platform.Core.Metadata;

/// <summary>
/// A button of an entity's records (转为客户, 领取, 生成订单): shown on the form, on each list row or for the rows chosen in a list
/// (<see cref="Show"/>), offered while <see cref="When"/> holds for the record, confirmed first when <see cref="Confirm"/> says
/// so, and carried out by <see cref="Script"/> — JavaScript that reads the record (<c>record</c>, with its lines), looks up and
/// finds others, creates and changes records (<c>create</c> answers the new record's id) and may name the record to open
/// afterwards (<c>open(entity, id)</c>). Everything the script asks for happens in one transaction, or nothing does.
/// Who may run it is a permission of its own (<c>Records.{entity}.Action.{name}</c>).
/// </summary>
public sealed class RecordActionDefinition
{
    public const string OnForm = "form";
    public const string OnRow = "row";
    public const string OnChosen = "bulk";

    public static IReadOnlyList<string> Places { get; } = [OnForm, OnRow, OnChosen];

    public string Name { get; set; } = "";

    public LocalizedText Label { get; set; } = [];

    /// <summary>A Material Symbols icon name (<c>swap_horiz</c>).</summary>
    public string? Icon { get; set; }

    /// <summary>Where the button shows: <c>form</c>, <c>row</c>, <c>bulk</c>; the form only when empty.</summary>
    public List<string>? Show { get; set; }

    /// <summary>An expression on <c>record</c> and <c>user</c>: the action is offered (and runs) only while it is true.</summary>
    public string? When { get; set; }

    /// <summary>A question asked before the action runs (确定转为客户吗？); none when null.</summary>
    public LocalizedText? Confirm { get; set; }

    /// <summary>
    /// A small form asked before the action runs (a reason, a date, a person): fields of the kinds a form offers, whose values
    /// the script reads as <c>input</c>; none when null.
    /// </summary>
    public List<FieldDefinition>? Inputs { get; set; }

    /// <summary>The kinds of field an action's form may ask for.</summary>
    public static IReadOnlyList<string> InputKinds { get; } = ["text", "longText", "integer", "decimal", "money", "percent", "date", "boolean", "choice", "user", "lookup"];

    /// <summary>The statements the action runs.</summary>
    public string Script { get; set; } = "";

    /// <summary>
    /// Whether the records the script creates and changes are saved with every right (as the platform, stamped with the
    /// person's name) rather than with the person's own: for actions such as claiming from the public pool, where the action's
    /// permission and <see cref="When"/> are the guard. The record itself must still be one the person may read.
    /// </summary>
    public bool Elevated { get; set; }

    /// <summary>Where the action shows, the form when nothing is said.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> ShownOn => Show is { Count: > 0 } show ? show : [OnForm];
}
