using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Platform.Rules;

/// <summary>
/// Runs compiled scripts in sandboxed Jint engines: strict mode, no CLR access, no <c>eval</c> or
/// <c>Function</c>, limits on time, statements, memory and recursion, and the built-in objects frozen so
/// one script cannot change what the next one sees. Engines are pooled and reused across requests
/// and threads (one script run per engine at a time); an engine whose script failed is dropped.
/// </summary>
public sealed class ScriptHost(RuleLimits limits, TimeProvider clock)
{
    // Freezes every built-in constructor, its prototype and the global object: a script that writes
    // Object.prototype.x or globalThis.y gets a TypeError instead of leaking into later runs.
    private const string Freeze = """
        (function () {
          'use strict';
          for (const name of Object.getOwnPropertyNames(globalThis)) {
            const value = globalThis[name];
            if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
              Object.freeze(value);
              if (value.prototype) { Object.freeze(value.prototype); }
            }
          }
          Object.freeze(globalThis);
        })();
        """;

    // A stack, not a bag: saves continue on any pool thread, and the most recently used engine is the warmest.
    private readonly ConcurrentStack<Engine> _idle = new();
    private readonly ConditionalWeakTable<Engine, Dictionary<CompiledScript, JsValue>> _functions = new();
    private readonly ConditionalWeakTable<Engine, RunDeadline> _deadlines = new();
    private readonly ConditionalWeakTable<Engine, DataAccess> _data = new();

    public RuleLimits Limits { get; } = limits;

    /// <summary>The clock scripts read (<c>now()</c>, <c>today()</c>), for the data they are given to read at the same time.</summary>
    public TimeProvider Clock { get; } = clock;

    /// <summary>Runs a script and answers its value as a plain CLR value (decimal, string, bool, DateTimeOffset, list, null).</summary>
    public object? Evaluate(CompiledScript script, IReadOnlyDictionary<string, object?> record, IReadOnlyDictionary<string, object?>? old, IReadOnlyDictionary<string, object?> user, IScriptData? data = null)
    {
        using var session = Open(user, data);
        session.Load(record, old);
        return session.Evaluate(script);
    }

    /// <summary>Runs a statements script that may change <c>record</c>; answers the record's values afterwards.</summary>
    public Dictionary<string, object?> Change(CompiledScript script, IReadOnlyDictionary<string, object?> record, IReadOnlyDictionary<string, object?>? old, IReadOnlyDictionary<string, object?> user)
    {
        using var session = Open(user);
        session.Load(record, old);
        return session.Change(script);
    }

    /// <summary>
    /// Leases an engine for several scripts over one record (a save runs formulas, save scripts and
    /// validations): the record is converted once and kept up to date with <see cref="ScriptSession.Set"/>.
    /// </summary>
    /// <param name="data">What <c>lookup</c> and <c>find</c> read; without it they answer that no data is available here.</param>
    /// <param name="changes">For after-save scripts: collects what <c>create</c> and <c>update</c> ask for.</param>
    public ScriptSession Open(IReadOnlyDictionary<string, object?> user, IScriptData? data = null, List<RecordChange>? changes = null)
    {
        var engine = _idle.TryPop(out var pooled) ? pooled : Create();
        _data.GetValue(engine, _ => new DataAccess()).Begin(data, changes);
        return new ScriptSession(this, engine, ScriptValues.ToObject(engine, user));
    }

    internal JsValue Invoke(Engine engine, CompiledScript script, JsValue record, JsValue old, JsValue user, JsValue parent)
    {
        try
        {
            var functions = _functions.GetOrCreateValue(engine);
            if (!functions.TryGetValue(script, out var function))
            {
                function = engine.Evaluate(script.Prepared);
                functions[script] = function;
            }

            // Limits count per run: the statement count and the memory start again here, and so does the clock.
            engine.Constraints.Reset();
            var deadline = _deadlines.GetValue(engine, _ => throw new InvalidOperationException("An engine without a deadline."));
            deadline.Start(Limits.Timeout);
            try
            {
                var result = engine.Invoke(function, record, old, user, parent);
                // Promise callbacks the script queued run now, inside this run's limits — never in the next script's run.
                engine.Advanced.ProcessTasks();
                return result;
            }
            finally
            {
                deadline.Stop();
            }
        }
        catch (Exception e) when (Failure(script, e) is { } failure)
        {
            if (failure.Kind != ScriptFailureKind.Refusal)
            {
                Platform.Abstractions.Telemetry.PlatformTelemetry.RuleFailures.Add(1, new KeyValuePair<string, object?>("kind", failure.Kind.ToString().ToLowerInvariant()));
            }

            throw failure;
        }
    }

    internal void Return(Engine engine)
    {
        _data.GetValue(engine, _ => new DataAccess()).Begin(null);
        _idle.Push(engine);
    }

    private ScriptFailureException? Failure(CompiledScript script, Exception e) => e switch
    {
        ScriptFailureException failure => failure,
        { InnerException: ScriptFailureException failure } => failure,
        StatementsCountOverflowException => Limit($"it ran more than {Limits.MaxStatements:N0} statements"),
        MemoryLimitExceededException => Limit($"it used more than {Limits.MaxMemoryBytes / 1024 / 1024} MB"),
        RecursionDepthOverflowException => Limit($"it called itself more than {Limits.MaxRecursion} levels deep"),
        TimeoutException => Limit($"it ran longer than {Limits.Timeout.TotalMilliseconds:0} ms"),
        System.Text.RegularExpressions.RegexMatchTimeoutException or { InnerException: System.Text.RegularExpressions.RegexMatchTimeoutException }
            => Limit($"a regular expression ran longer than {Limits.Timeout.TotalMilliseconds:0} ms"),
        JavaScriptException js => new ScriptFailureException(ScriptFailureKind.Error, $"{script.Name}: {Describe(js)}", inner: js),
        JintException jint => new ScriptFailureException(ScriptFailureKind.Error, $"{script.Name}: {jint.Message}", inner: jint),
        // Anything else thrown while a script runs (a helper given values it cannot use) is the script's failure too, never a server error.
        _ when e is not OperationCanceledException => new ScriptFailureException(ScriptFailureKind.Error, $"{script.Name}: {e.Message}", inner: e),
        _ => null,
    };

    private static string Describe(JavaScriptException e)
    {
        var where = e.Location.Start.Line > 1 ? $" (line {e.Location.Start.Line - 1}, column {e.Location.Start.Column + 1})" : "";
        // A thrown Error (or text) is a message; other thrown values (objects, numbers) are described as such.
        return e.Error.IsString() || (e.Error.IsObject() && e.Error.AsObject().HasProperty("stack"))
            ? $"{e.Message}{where}"
            : $"the script threw {e.Error} rather than an error{where}";
    }

    private static ScriptFailureException Limit(string what) => new(ScriptFailureKind.Limit, $"The script was stopped: {what}.");

    private Engine Create()
    {
        var options = new Options { Strict = true };
        var deadline = new RunDeadline();
        options.Constraint(deadline).MaxStatements(Limits.MaxStatements).LimitMemory(Limits.MaxMemoryBytes).LimitRecursion(Limits.MaxRecursion);
        options.DisableStringCompilation();
        // A backtracking pattern such as /^(a+)+$/ would otherwise run for seconds inside one statement, out of the deadline's reach.
        options.RegexTimeoutInterval(Limits.Timeout);
        options.Culture = CultureInfo.InvariantCulture;
        options.TimeZone = TimeZoneInfo.Utc;
        var engine = new Engine(options);
        var data = _data.GetValue(engine, _ => new DataAccess());
        ScriptHelpers.Install(engine, Clock, data, deadline);
        engine.Execute(Freeze);
        _deadlines.Add(engine, deadline);
        return engine;
    }
}
