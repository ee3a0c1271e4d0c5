using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Rules;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Runs a process's JavaScript in the rules sandbox: conditions and expressions see the process
/// variables by name (<c>input == 1</c>, <c>nrOfCompletedInstances / nrOfInstances &gt;= 0.5</c>),
/// <c>variables</c>, the bound <c>record</c> and the acting <c>user</c>; scripts may also call
/// <c>execution.setVariable(name, value)</c>. Texts such as <c>kermit_${loopCounter}</c> are
/// templates. Compiled once per script and set of variable names.
/// </summary>
public sealed partial class WorkflowScripts(ScriptHost host)
{
    private const int MaxCached = 10_000;
    private static readonly HashSet<string> Reserved =
    [
        "variables", "record", "user", "execution", "arguments", "eval", "break", "case", "catch", "class", "const", "continue", "debugger",
        "default", "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import",
        "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public", "return", "static", "super",
        "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield", "await", "undefined", "NaN", "Infinity",
    ];

    private readonly ConcurrentDictionary<(string Source, ScriptShape Shape, string Names), CompiledScript> _compiled = new();

    /// <summary>An expression's value (a condition, a cardinality, a collection, a due date).</summary>
    public object? Evaluate(string name, string expression, IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, object?>? record, IReadOnlyDictionary<string, object?> user)
    {
        using var session = host.Open(user);
        session.Load(variables, record ?? Empty);
        return session.Evaluate(Compile(name, expression, ScriptShape.Expression, variables));
    }

    /// <summary>Whether a condition holds; anything but a boolean is a failure that names the condition.</summary>
    public bool Holds(string name, string condition, IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, object?>? record, IReadOnlyDictionary<string, object?> user) =>
        Evaluate(name, condition, variables, record, user) is bool holds
            ? holds
            : throw new ScriptFailureException(ScriptFailureKind.Error, $"{name}: the condition {condition} does not give true or false.");

    /// <summary>A text with <c>${…}</c> parts filled in; the text itself when it has none. <c>${x}</c> alone gives x's value as is.</summary>
    public object? Fill(string name, string text, IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, object?>? record, IReadOnlyDictionary<string, object?> user)
    {
        if (!text.Contains("${", StringComparison.Ordinal) && !text.Contains("#{", StringComparison.Ordinal))
        {
            return text;
        }

        var trimmed = text.Trim();
        if (WholeExpression().IsMatch(trimmed))
        {
            return Evaluate(name, trimmed[2..^1], variables, record, user);
        }

        // A JavaScript template literal reads ${…} the same way; everything else is escaped.
        var literal = new StringBuilder("`");
        foreach (var part in Parts().Split(text.Replace("#{", "${", StringComparison.Ordinal)))
        {
            literal.Append(part.StartsWith("${", StringComparison.Ordinal) ? part : part.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal));
        }

        return Evaluate(name, literal.Append('`').ToString(), variables, record, user);
    }

    /// <summary>Runs a script task; answers the variables it set with <c>execution.setVariable</c>.</summary>
    public Dictionary<string, object?> Run(string name, string script, IReadOnlyDictionary<string, object?> variables, IReadOnlyDictionary<string, object?>? record, IReadOnlyDictionary<string, object?> user)
    {
        using var session = host.Open(user);
        session.Load(variables, record ?? Empty);
        var compiled = Compile(name, script, ScriptShape.Statements, variables);
        return session.Change(compiled);
    }

    private CompiledScript Compile(string name, string source, ScriptShape shape, IReadOnlyDictionary<string, object?> variables)
    {
        var names = string.Join(", ", variables.Keys.Where(IsLocalName).Order(StringComparer.Ordinal));
        var key = (source, shape, names);
        if (_compiled.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var prologue = (names.Length > 0 ? $"const {{ {names} }} = variables; " : "")
            + "const execution = Object.freeze({ getVariable: (n) => variables[n], setVariable: (n, v) => { variables[n] = v; } });";
        var compiled = ScriptCompiler.Compile(name, source, shape, new ScriptFrame("variables, record, user", prologue), out var error)
            ?? throw new ScriptFailureException(ScriptFailureKind.Error, $"{name}: the script does not parse ({error}).");
        if (_compiled.Count >= MaxCached)
        {
            _compiled.Clear();
        }

        _compiled[key] = compiled;
        return compiled;
    }

    private static bool IsLocalName(string name) => Identifier().IsMatch(name) && !Reserved.Contains(name);

    private static readonly IReadOnlyDictionary<string, object?> Empty = new Dictionary<string, object?>();

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^[$#]\{[^{}]*\}$")]
    private static partial Regex WholeExpression();

    [GeneratedRegex(@"(\$\{[^{}]*\})")]
    private static partial Regex Parts();
}
