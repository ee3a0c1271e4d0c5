namespace Platform.Records;

/// <summary>A value the engine refused, bound to the field it belongs to (null for the record as a whole).</summary>
public sealed record RecordFieldError(string? Field, string Message);
