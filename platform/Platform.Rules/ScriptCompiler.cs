using Acornima;
using Jint;

namespace Platform.Rules;

/// <summary>A script that does not parse: where (line and column in the script as written) and why.</summary>
/// <summary>
/// Where a script does not parse and why: the parser's message (English) and a <see cref="Kind"/>
/// pages say in the reader's language — an unexpected token, an unfinished script, a character that
/// is no JavaScript (a Chinese comma, an open quote), a wrong length, or any other.
/// </summary>
public sealed record ScriptSyntaxError(int Line, int Column, string Message, string Kind = ScriptSyntaxError.Other)
{
    public const string UnexpectedToken = "unexpectedToken";
    public const string UnexpectedEnd = "unexpectedEnd";
    public const string InvalidToken = "invalidToken";
    public const string Length = "length";
    public const string Other = "other";

    public override string ToString() => $"line {Line}, column {Column}: {Message}";

    /// <summary>The kind of a parser error code (Acornima's: UnexpectedToken, UnexpectedEOS, Unterminated…).</summary>
    internal static string KindOf(string? code) => code switch
    {
        null => Other,
        "UnexpectedEOS" => UnexpectedEnd,
        "InvalidOrUnexpectedToken" or "UnterminatedRegExp" or "UnterminatedTemplateExpr" or "InvalidUnicodeEscapeSequence" or "InvalidHexEscapeSequence" => InvalidToken,
        _ when code.StartsWith("UnexpectedToken", StringComparison.Ordinal) || code is "UnexpectedReserved" or "UnexpectedStrictReserved" or "UnexpectedTemplateString" => UnexpectedToken,
        _ => Other,
    };
}

/// <summary>
/// Parses scripts in strict mode into functions of the script API's parameters. Parsing happens
/// when metadata is saved (a syntax error refuses the save) and once per script per metadata version.
/// </summary>
public static partial class ScriptCompiler
{
    public const int MaxLength = 20_000;

    /// <summary>
    /// The parameters every script sees (<c>parent</c>: a line's document, null for a record); the helpers
    /// (<c>round</c>, <c>today</c>, <c>error</c>…) are globals.
    /// </summary>
    public const string Parameters = "record, old, user, parent";

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
            error = new ScriptSyntaxError(1, 1, $"A script needs 1 to {MaxLength} characters.", ScriptSyntaxError.Length);
            return null;
        }

        var text = frame == ScriptFrame.Record
            ? (shape == ScriptShape.Expression ? ExpressionHead + source + ExpressionTail : StatementsHead + source + StatementsTail)
            : frame.Wrap(source, shape);
        try
        {
            return new CompiledScript(name, Engine.PrepareScript(text, name, strict: true), Reads(source)) { ReadsParent = ParentWord().IsMatch(source) };
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException parse)
        {
            // The wrapper's head is one line: the script's line n is the parsed line n + 1. An error in
            // the wrapper's tail (an unfinished expression) is reported at the end of the script.
            var lines = source.Split('\n');
            var line = parse.LineNumber - 1;
            var kind = ScriptSyntaxError.KindOf(parse.Error?.Code);
            error = line > lines.Length || line < 1
                ? new ScriptSyntaxError(lines.Length, lines[^1].Length + 1, parse.Error?.Description ?? parse.Message, kind == ScriptSyntaxError.UnexpectedToken ? ScriptSyntaxError.UnexpectedEnd : kind)
                : new ScriptSyntaxError(line, parse.Column + 1, parse.Error?.Description ?? parse.Message, kind); // the parser counts columns from 0
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

    // The document itself, not a field of that name (record.parent, a customer's 上级单位).
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![.\w$])parent\b")]
    private static partial System.Text.RegularExpressions.Regex ParentWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"\brecord\b")]
    private static partial System.Text.RegularExpressions.Regex RecordWord();

    [System.Text.RegularExpressions.GeneratedRegex(@"\brecord\s*\.\s*([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial System.Text.RegularExpressions.Regex RecordMember();
}
