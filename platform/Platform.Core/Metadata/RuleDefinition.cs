namespace Platform.Core.Metadata;

/// <summary>
/// A rule of an entity, in JavaScript. <c>validation</c>: when <see cref="When"/> is true the save is
/// refused with <see cref="Message"/> at <see cref="Field"/>. <c>beforeSave</c>: <see cref="Script"/>
/// runs before every save; it may set fields of <c>record</c> or refuse with <c>error(message, field)</c>.
/// <c>afterSave</c>: <see cref="Script"/> runs once the record is saved, in the same transaction; it may
/// create and change other records (<c>create(entity, values)</c>, <c>update(entity, id, values)</c>).
/// <c>change</c>: <see cref="Script"/> runs when <see cref="Field"/> changes — typed in a form, or given
/// different in a save — and may set other fields (a tax-inclusive price sets the net price).
/// </summary>
public sealed class RuleDefinition
{
    public const string Validation = "validation";
    public const string BeforeSave = "beforeSave";

    /// <summary>Statements run after the record is saved, in its transaction; may create and change other records.</summary>
    public const string AfterSave = "afterSave";

    /// <summary>Statements run when the rule's field changes; they may set the record's other fields.</summary>
    public const string Change = "change";

    public static IReadOnlyList<string> Kinds { get; } = [Validation, BeforeSave, AfterSave, Change];

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    /// <summary>For validation rules: the condition (an expression) under which the save is refused.</summary>
    public string? When { get; set; }

    /// <summary>For before-save rules: the statements to run.</summary>
    public string? Script { get; set; }

    /// <summary>For validation rules: what the user reads.</summary>
    public LocalizedText? Message { get; set; }

    /// <summary>The field the message is shown at; the record as a whole when empty.</summary>
    public string? Field { get; set; }
}
