namespace Platform.Records;

/// <summary>How a field shows in a form for the values being edited.</summary>
public sealed record FieldState(bool Visible, bool ReadOnly, bool Required);

/// <summary>
/// What saving the values would give, without saving: the record with its computed fields and lines,
/// every refused value, and the form state of each field. Forms ask for it as the user types.
/// </summary>
public sealed record RecordPreview(IReadOnlyDictionary<string, object?> Record, IReadOnlyList<RecordFieldError> Errors, IReadOnlyDictionary<string, FieldState> Fields);
