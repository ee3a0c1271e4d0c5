using Acornima.Ast;
using Jint;

namespace Platform.Rules;

/// <summary>How a script is written: one expression (formulas, defaults, conditions) or statements (save scripts).</summary>
public enum ScriptShape
{
    Expression,
    Statements,
}

/// <summary>
/// A rule's script, parsed once (when its metadata is saved or first loaded) into a function of
/// <c>record</c>, <c>old</c> and <c>user</c>; engines turn it into a callable function once each and
/// reuse it across requests.
/// </summary>
public sealed class CompiledScript
{
    internal CompiledScript(string name, Prepared<Script> prepared)
    {
        Name = name;
        Prepared = prepared;
    }

    /// <summary>Names the script in errors, e.g. <c>order.total</c> or <c>order rule maxDiscount</c>.</summary>
    public string Name { get; }

    internal Prepared<Script> Prepared { get; }
}
