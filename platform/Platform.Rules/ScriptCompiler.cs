using Acornima;
using Jint;

namespace Platform.Rules;

/// <summary>A script that does not parse: where (line and column in the script as written) and why.</summary>
public sealed record ScriptSyntaxError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}

/// <summary>
/// Parses scripts in strict mode into functions of the script API's parameters. Parsing happens
/// when metadata is saved (a syntax error refuses the save) and once per script per metadata version.
/// </summary>
public static partial class ScriptCompiler
{
    public const int MaxLength = 20_000;

    /// <summary>The parameters every script sees; the helpers (<c>round</c>, <c>today</c>, <c>error</c>…) are globals.</summary>
    public const string Parameters = "record, old, user";

    // The wrapper opens on a line of its own, so line numbers in errors are the script's own, less one.
    private const string ExpressionHead = "(function (" + Parameters + ") { 'use strict'; return (\n";
    private const string ExpressionTail = "\n); })";
    private const string StatementsHead = "(function (" + Parameters + ") { 'use strict';\n";
    private const string StatementsTail = "\n})";

    public static CompiledScript? Compile(string name, string source, ScriptShape shape, out ScriptSyntaxError? error) =>
        Compile(name, source, shape, ScriptFrame.Record, out error);

    /// <summary>Parses a script into a function of the frame's parameters, after the frame's one-line prologue.</summary>
    public static CompiledScript? Compile(string name, string source, ScriptShape shape, ScriptFrame frame, out ScriptSyntaxError? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(source) || source.Length > MaxLength)
        {
            error = new ScriptSyntaxError(1, 1, $"A script needs 1 to {MaxLength} characters.");
            return null;
        }

        var text = frame == ScriptFrame.Record
            ? (shape == ScriptShape.Expression ? ExpressionHead + source + ExpressionTail : StatementsHead + source + StatementsTail)
            : frame.Wrap(source, shape);
        try
        {
            return new CompiledScript(name, Engine.PrepareScript(text, name, strict: true), Reads(source));
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            // The wrapper's head is one line: the script's line n is the parsed line n + 1. An error in
            // the wrapper's tail (an unfinished expression) is reported at the end of the script.
            var lines = source.Split('\n');
            var line = parse.LineNumber - 1;
            error = line > lines.Length || line < 1
                ? new ScriptSyntaxError(lines.Length, lines[^1].Length + 1, parse.Error?.Description ?? parse.Message)
                : new ScriptSyntaxError(line, Math.Max(1, parse.Column), parse.Error?.Description ?? parse.Message);
            return null;
        }
    }

    /// <summary>The names read as <c>record.name</c>; null when <c>record</c> is used any other way (so it may read anything).</summary>
    private static HashSet<string>? Reads(string source)
    {
        var all = RecordWord().Count(source);
        var dotted = RecordMember().Matches(source);
        return dotted.Count == all ? dotted.Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\brecord\b")]
    private static partial System.Text.RegularExpressions.Regex RecordWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"\brecord\s*\.\s*([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial System.Text.RegularExpressions.Regex RecordMember();
}
