using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Platform.Records.Query.Aggregation;
using Platform.Reports.Models;
using Platform.Rules;

namespace Platform.Reports.Services;

/// <summary>
/// Measures worked out from other measures of the same group — <c>won / deals</c>, <c>revenue - cost</c> — as a JavaScript expression
/// in the rules sandbox (time, statement and memory limits; no CLR), run once per group after the database has grouped. The other
/// measures are local names in the expression. A result that is no number (a division by zero) is empty, not an error.
/// </summary>
public sealed partial class ComputedMeasures(ScriptHost host)
{
    private static readonly ConcurrentDictionary<string, CompiledScript> Compiled = new(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, object?> NoUser = new Dictionary<string, object?>();

    // The frame's own names and JavaScript's reserved words cannot be a measure's name in an expression.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "m", "old", "user", "parent", "arguments", "eval", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else",
        "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null",
        "package", "private", "protected", "public", "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
        "with", "yield", "await", "undefined", "NaN", "Infinity",
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Identifier();

    /// <summary>Checks the names and compiles the expressions of a question's computed measures.</summary>
    /// <exception cref="AggregateRefusedException">A name that cannot be a name in an expression, or an expression that does not parse (line and column).</exception>
    public static IReadOnlyList<(int Index, CompiledScript Script)> Prepare(IReadOnlyList<ReportMeasure> measures)
    {
        var computed = measures.Select((m, i) => (Measure: m, Index: i)).Where(m => m.Measure.Expression is not null).ToList();
        if (computed.Count == 0)
        {
            return [];
        }

        for (var i = 0; i < measures.Count; i++)
        {
            if (!Identifier().IsMatch(measures[i].Name ?? "") || Reserved.Contains(measures[i].Name))
            {
                throw new AggregateRefusedException($"measures[{i}].name", "Reports.Error.NameForExpression",
                    $"'{measures[i].Name}' cannot be named in an expression: use letters, digits and _ , starting with a letter.", measures[i].Name ?? "");
            }
        }

        var names = string.Join(", ", measures.Select(m => m.Name));
        var prologue = string.Concat(measures.Select(m => $"const {m.Name} = m.{m.Name}; "));
        var frame = new ScriptFrame("m, old, user, parent", prologue);
        return [.. computed.Select(c =>
        {
            var key = names + "\n" + c.Measure.Expression;
            if (Compiled.TryGetValue(key, out var script))
            {
                return (c.Index, script);
            }

            script = ScriptCompiler.Compile($"measure {c.Measure.Name}", c.Measure.Expression!, ScriptShape.Expression, frame, out var error)
                ?? throw new AggregateRefusedException($"measures[{c.Index}].expression", "Reports.Error.Expression",
                    $"The expression of '{c.Measure.Name}' does not parse: {error}", c.Measure.Name, error?.ToString() ?? "");
            if (Compiled.Count < 10_000)
            {
                Compiled[key] = script;
            }

            return (c.Index, script);
        })];
    }

    /// <summary>Fills in a group's computed measures (in the question's order, so one may use another before it); others are left as they are.</summary>
    /// <exception cref="AggregateRefusedException">An expression threw or broke a limit.</exception>
    public void Fill(IReadOnlyList<ReportMeasure> measures, IReadOnlyList<(int Index, CompiledScript Script)> scripts, object?[] values)
    {
        if (scripts.Count == 0)
        {
            return;
        }

        using var session = host.Open(NoUser);
        foreach (var (index, script) in scripts)
        {
            var known = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < measures.Count; i++)
            {
                known[measures[i].Name] = values[i];
            }

            session.Load(known, null);
            try
            {
                values[index] = session.Evaluate(script);
            }
            catch (ScriptFailureException failure) when (failure.Kind == ScriptFailureKind.Error && failure.InnerException is null && !session.Broken)
            {
                values[index] = null; // NaN or Infinity: nothing to show for this group (0 / 0)
            }
            catch (ScriptFailureException failure)
            {
                throw new AggregateRefusedException($"measures[{index}].expression", "Reports.Error.ExpressionFailed",
                    $"The expression of '{measures[index].Name}' failed: {failure.Message}", measures[index].Name, failure.Message);
            }
        }
    }
}
