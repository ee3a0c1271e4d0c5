using Jint;
using Jint.Native;

namespace Platform.Rules;

/// <summary>
/// One engine leased for the scripts of one record: <see cref="Load"/> converts the record once,
/// <see cref="Set"/> keeps it current as computed values are stored, and every script of the save
/// sees the same object. Disposing returns the engine to the pool unless a script broke a limit or
/// threw (then the engine is dropped, whatever state it was left in).
/// </summary>
public sealed class ScriptSession : IDisposable
{
    private readonly ScriptHost _host;
    private readonly Engine _engine;
    private readonly JsObject _user;
    private JsObject? _record;
    private JsValue _old = JsValue.Null;
    private JsValue _parent = JsValue.Null;
    private bool _broken;

    internal ScriptSession(ScriptHost host, Engine engine, JsObject user)
    {
        _host = host;
        _engine = engine;
        _user = user;
    }

    /// <summary>Set once a script failed: the rest of the save's scripts do not run on this engine.</summary>
    public bool Broken => _broken;

    /// <param name="parent">For a line's scripts: the document it belongs to, as it will be saved (without its lines); scripts see it as <c>parent</c>.</param>
    public void Load(IReadOnlyDictionary<string, object?> record, IReadOnlyDictionary<string, object?>? old, IReadOnlyDictionary<string, object?>? parent = null)
    {
        _record = ScriptValues.ToObject(_engine, record);
        _old = old is null ? JsValue.Null : ScriptValues.ToObject(_engine, old);
        _parent = parent is null ? JsValue.Null : ScriptValues.ToObject(_engine, parent);
    }

    public void Set(string name, object? value) => Record.FastSetDataProperty(name, ScriptValues.ToScript(_engine, value));

    public object? Evaluate(CompiledScript script) => ScriptValues.FromScript(Run(script));

    /// <summary>Runs a script that may change the record; answers the properties it set (new or replaced), converted.</summary>
    public Dictionary<string, object?> Change(CompiledScript script)
    {
        var before = new Dictionary<string, JsValue>(StringComparer.Ordinal);
        foreach (var (key, property) in Record.GetOwnProperties())
        {
            before[key.ToString()] = property.Value;
        }

        Run(script);
        var changed = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, property) in Record.GetOwnProperties())
        {
            var name = key.ToString();
            if (!before.TryGetValue(name, out var old) || !ReferenceEquals(old, property.Value))
            {
                changed[name] = ScriptValues.FromScript(property.Value);
            }
        }

        return changed;
    }

    public void Dispose()
    {
        if (!_broken)
        {
            _host.Return(_engine);
        }
    }

    private JsObject Record => _record ?? throw new InvalidOperationException("Load a record first.");

    private JsValue Run(CompiledScript script)
    {
        try
        {
            return _host.Invoke(_engine, script, Record, _old, _user, _parent);
        }
        catch (ScriptFailureException)
        {
            _broken = true; // whatever the failure, the engine may hold its leftovers
            throw;
        }
    }
}
