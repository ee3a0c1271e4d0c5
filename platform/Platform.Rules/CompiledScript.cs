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
    internal CompiledScript(string name, Prepared<Script> prepared, IReadOnlySet<string>? reads)
    {
        Name = name;
        Prepared = prepared;
        Reads = reads;
    }

    /// <summary>
    /// The fields the script reads as <c>record.name</c>, or null when it may read any (it passes
    /// <c>record</c> on or indexes it): formulas are computed again only when a field they read changed.
    /// </summary>
    public IReadOnlySet<string>? Reads { get; }

    public bool MayRead(IEnumerable<string> fields) => Reads is null || fields.Any(Reads.Contains);

    /// <summary>Whether the script may read <c>parent</c> (a line's document): such a line formula follows its document's changes.</summary>
    public bool ReadsParent { get; init; }

    /// <summary>Names the script in errors, e.g. <c>order.total</c> or <c>order rule maxDiscount</c>.</summary>
    public string Name { get; }

    internal Prepared<Script> Prepared { get; }
}
