namespace Platform.Records;

/// <summary>How a field shows in a form for the values being edited.</summary>
public sealed record FieldState(bool Visible, bool ReadOnly, bool Required);

/// <summary>
/// What saving the values would give, without saving: the record with its computed fields and lines,
/// every refused value, and the form state of each field. Forms ask for it as the user types.
/// <see cref="SetByRules"/> names the fields change rules set (<c>lines[2].unitPrice</c>): a form takes those values.
/// </summary>
public sealed record RecordPreview(IReadOnlyDictionary<string, object?> Record, IReadOnlyList<RecordFieldError> Errors, IReadOnlyDictionary<string, FieldState> Fields)
{
    public IReadOnlyList<string> SetByRules { get; init; } = [];
}
