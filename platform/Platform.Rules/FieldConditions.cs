using Platform.Core.Metadata;

namespace Platform.Rules;

/// <summary>A field's form conditions, compiled: each null when the field has none (always visible, editable, optional unless required).</summary>
public sealed record FieldConditions(FieldDefinition Field, CompiledScript? VisibleWhen, CompiledScript? ReadOnlyWhen, CompiledScript? RequiredWhen);
