using Platform.Core.Metadata;

namespace Platform.RecordPages.Forms;

/// <summary>"Create new" asked from a lookup picker inside a line: which lines field, which line, which field, and what the user typed.</summary>
public sealed record LineLookup(FieldDefinition LinesField, LineDraft Line, FieldDefinition Field, string? Text);
