using Platform.Rules;

namespace Platform.Rules.Tests;

/// <summary>Which line formulas follow their document: those that read <c>parent</c>, not a field that happens to be called parent.</summary>
public sealed class ParentReadTests
{
    [Theory]
    [InlineData("parent && parent.pricesIncludeTax ? 1 : 2", true)]
    [InlineData("(parent || {}).customer", true)]
    [InlineData("record.parent ? 1 : 2", false)]
    [InlineData("record.quantity * record.price", false)]
    public void A_formula_reads_the_document_only_when_it_names_parent_itself(string formula, bool readsParent)
    {
        var script = ScriptCompiler.Compile("line.amount", formula, ScriptShape.Expression, out var error);

        Assert.Null(error);
        Assert.Equal(readsParent, script!.ReadsParent);
    }
}
