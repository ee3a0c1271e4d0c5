namespace Platform.Core.Metadata;

/// <summary>
/// One condition of a view: a field, an operator (<c>eq</c>, <c>ne</c>, <c>gt</c>, <c>ge</c>, <c>lt</c>,
/// <c>le</c>, <c>contains</c>, <c>startswith</c>, <c>empty</c>, <c>notEmpty</c>) and the value as
/// invariant text (<c>2026-03-05</c>, <c>0.15</c>, a record id).
/// </summary>
public sealed class ViewCondition
{
    public string Field { get; set; } = "";

    public string Operator { get; set; } = "eq";

    public string? Value { get; set; }
}
