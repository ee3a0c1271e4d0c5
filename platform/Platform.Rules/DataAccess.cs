namespace Platform.Rules;

/// <summary>
/// The data an engine's current session may read, and how much of it: at most
/// <see cref="MaxCalls"/> lookups and finds per session, at most <see cref="MaxFound"/> records per find.
/// </summary>
internal sealed class DataAccess
{
    public const int MaxCalls = 200;
    public const int MaxFound = 100;

    /// <summary>An after-save script changes at most this many records.</summary>
    public const int MaxChanges = 100;

    private IScriptData? _data;
    private int _calls;
    private List<RecordChange>? _changes;

    /// <param name="changes">For after-save scripts: where <c>create</c> and <c>update</c> queue their changes; null elsewhere.</param>
    public void Begin(IScriptData? data, List<RecordChange>? changes = null)
    {
        _data = data;
        _calls = 0;
        _changes = changes;
    }

    public void Queue(RecordChange change)
    {
        if (_changes is null)
        {
            throw new ScriptFailureException(ScriptFailureKind.Error, "create, update and open are available in after-save rules and record actions only.");
        }

        if (_changes.Count >= MaxChanges)
        {
            throw new ScriptFailureException(ScriptFailureKind.Limit, $"The script was stopped: it changed more than {MaxChanges} records.");
        }

        _changes.Add(change);
    }

    public IScriptData Next()
    {
        if (_data is null)
        {
            throw new ScriptFailureException(ScriptFailureKind.Error, "lookup, find and people are not available here.");
        }

        if (++_calls > MaxCalls)
        {
            throw new ScriptFailureException(ScriptFailureKind.Limit, $"The script was stopped: it read records more than {MaxCalls} times.");
        }

        return _data;
    }
}
