namespace Platform.Rules;

/// <summary>
/// What a script is wrapped in: the names of the three values it is given (the record's rules see
/// <c>record, old, user</c>) and a one-line prologue that runs first (workflows declare their
/// process variables as local names there). The script's own code runs in a nested function, so
/// its <c>var</c> declarations may reuse those names.
/// </summary>
public sealed record ScriptFrame(string Parameters, string Prologue)
{
    /// <summary>The frame of entity rules: <c>record, old, user</c> and nothing before the script.</summary>
    public static readonly ScriptFrame Record = new(ScriptCompiler.Parameters, "");

    /// <summary>The frame of record actions' scripts: <c>record</c>, what the person filled in the action's form (<c>input</c>), <c>user</c>.</summary>
    public static readonly ScriptFrame Action = new("record, input, user", "");

    internal string Wrap(string source, ScriptShape shape)
    {
        if (Prologue.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A script frame's prologue is one line, so errors keep the script's line numbers.");
        }

        // The head is one line: the script's line n is the parsed line n + 1, as in the record frame.
        return shape == ScriptShape.Expression
            ? $"(function ({Parameters}) {{ 'use strict'; {Prologue} return (\n{source}\n); }})"
            : $"(function ({Parameters}) {{ 'use strict'; {Prologue} return (function () {{\n{source}\n}})(); }})";
    }
}
