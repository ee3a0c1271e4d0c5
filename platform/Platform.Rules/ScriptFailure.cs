namespace Platform.Rules;

/// <summary>Why a script run did not give a value: it broke a limit, threw, or refused the save with <c>error()</c>.</summary>
public enum ScriptFailureKind
{
    /// <summary>Too long, too many statements, too much memory or too deep a recursion.</summary>
    Limit,

    /// <summary>The script threw (a TypeError, a thrown value, …).</summary>
    Error,

    /// <summary>The script called <c>error(message, field?)</c>: a message for the user.</summary>
    Refusal,
}

/// <summary>A script run that failed, with a message people can act on (never a stack trace).</summary>
public sealed class ScriptFailureException(ScriptFailureKind kind, string message, string? field = null, Exception? inner = null)
    : Exception(message, inner)
{
    public ScriptFailureKind Kind { get; } = kind;

    /// <summary>For refusals: the field the message is bound to, when the script named one.</summary>
    public string? Field { get; } = field;
}
