namespace Platform.Rules;

/// <summary>
/// The data an engine's current session may read, and how much of it: at most
/// <see cref="MaxCalls"/> lookups and finds per session, at most <see cref="MaxFound"/> records per find.
/// </summary>
internal sealed class DataAccess
{
    public const int MaxCalls = 200;
    public const int MaxFound = 100;

    private IScriptData? _data;
    private int _calls;

    public void Begin(IScriptData? data)
    {
        _data = data;
        _calls = 0;
    }

    public IScriptData Next()
    {
        if (_data is null)
        {
            throw new ScriptFailureException(ScriptFailureKind.Error, "lookup and find are not available here.");
        }

        if (++_calls > MaxCalls)
        {
            throw new ScriptFailureException(ScriptFailureKind.Limit, $"The script was stopped: it read records more than {MaxCalls} times.");
        }

        return _data;
    }
}
