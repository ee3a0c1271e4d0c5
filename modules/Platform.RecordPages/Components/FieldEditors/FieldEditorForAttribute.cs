namespace Platform.RecordPages.Components.FieldEditors;

/// <summary>Marks a <see cref="FieldEditorBase"/> component as the editor of the named field kinds (<c>"decimal"</c>, <c>"money"</c>).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class FieldEditorForAttribute(params string[] kinds) : Attribute
{
    public IReadOnlyList<string> Kinds { get; } = kinds;
}
