namespace Platform.Core.Fields;

/// <summary>Why a value does not fit a field: a text key (<c>FieldTypes.Value.BadEmail</c>) and its arguments, said in the reader's language by the caller.</summary>
public sealed record FieldProblem(string Key, params object?[] Arguments);
