using Platform.Rules;

namespace Platform.Rules.Tests;

/// <summary>
/// Scripts run sandboxed: hostile scripts stop with a clear error, reach nothing outside, and leave no
/// trace for the next script; syntax errors are found when the script is saved, with line and column.
/// </summary>
public sealed class ScriptSandboxTests
{
    private static readonly Dictionary<string, object?> NoUser = new() { ["id"] = "u1", ["name"] = "张三", ["roles"] = new[] { "Sales" } };

    // A generous clock, so the limit a test is about (statements, depth, memory) is the one that stops it even on a busy machine;
    // the time limit has tests of its own with hosts of their own.
    private readonly ScriptHost _host = new(RuleLimits.Default with { MaxStatements = 20_000, Timeout = TimeSpan.FromSeconds(10) }, TimeProvider.System);

    private static CompiledScript Compile(string source, ScriptShape shape = ScriptShape.Expression)
    {
        var script = ScriptCompiler.Compile("test", source, shape, out var error);
        Assert.True(script is not null, error?.ToString());
        return script!;
    }

    private object? Evaluate(string source, Dictionary<string, object?>? record = null) =>
        _host.Evaluate(Compile(source), record ?? [], null, NoUser);

    private ScriptFailureException Fails(string source, ScriptShape shape = ScriptShape.Statements) =>
        Assert.Throws<ScriptFailureException>(() => _host.Change(Compile(source, shape), new Dictionary<string, object?>(), null, NoUser));

    [Fact]
    public void A_formula_computes_from_the_record_keeping_money_exact_at_its_scale()
    {
        var record = new Dictionary<string, object?> { ["quantity"] = 3L, ["price"] = 19.99m, ["discount"] = 0.1m };

        Assert.Equal(53.973m, decimal.Round((decimal)Evaluate("record.quantity * record.price * (1 - record.discount)", record)!, 4));
        Assert.Equal(0.3m, decimal.Round((decimal)Evaluate("0.1 + 0.2")!, 4));
        Assert.Equal(6.67m, (decimal)Evaluate("round(20 / 3, 2)")!);
        Assert.Equal(113m, (decimal)Evaluate("taxInclusive(100, 0.13)")!);
        Assert.Equal(100m, (decimal)Evaluate("taxExclusive(113, 0.13)")!);
        var lines = new Dictionary<string, object?> { ["lines"] = new List<IReadOnlyDictionary<string, object?>> { new Dictionary<string, object?> { ["amount"] = 0.1m }, new Dictionary<string, object?> { ["amount"] = 0.2m } } };
        Assert.Equal(0.3m, (decimal)Evaluate("sum(record.lines, 'amount')", lines)!);
        Assert.Equal(0.6m, (decimal)Evaluate("sum(record.lines, l => l.amount * 2)", lines)!);
        Assert.Equal("张三", Evaluate("user.name"));
        Assert.Equal(true, Evaluate("user.roles.includes('Sales')"));
    }

    [Fact]
    public void Dates_arrive_as_dates_and_come_back_as_instants()
    {
        var record = new Dictionary<string, object?> { ["since"] = new DateOnly(2020, 5, 1) };

        Assert.Equal(2020m, Evaluate("record.since.getUTCFullYear()", record));
        Assert.IsType<DateTimeOffset>(Evaluate("today()"));
    }

    [Theory]
    [InlineData("while (true) {}", "statements")]
    [InlineData("function f() { return f(); } f();", "levels deep")]
    [InlineData("let s = 'x'; while (true) { s = s + s; }", "MB")]
    public void Scripts_that_break_a_limit_are_stopped_with_a_clear_error(string source, string limit)
    {
        var failure = Fails(source);

        Assert.Equal(ScriptFailureKind.Limit, failure.Kind);
        Assert.Contains(limit, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slow_script_is_stopped_at_the_time_limit()
    {
        var host = new ScriptHost(RuleLimits.Default with { Timeout = TimeSpan.FromMilliseconds(50), MaxStatements = int.MaxValue }, TimeProvider.System);

        var failure = Assert.Throws<ScriptFailureException>(() => host.Evaluate(Compile("(() => { let i = 0; while (true) { i++; } })()"), new Dictionary<string, object?>(), null, NoUser));

        Assert.Equal(ScriptFailureKind.Limit, failure.Kind);
        Assert.Contains("50 ms", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_spent_waiting_for_the_database_is_not_charged_to_the_script_but_its_own_work_is()
    {
        var host = new ScriptHost(RuleLimits.Default with { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = int.MaxValue }, TimeProvider.System);
        var slowDatabase = new SlowData(TimeSpan.FromMilliseconds(80));

        // Three reads of 80 ms each: 240 ms of waiting, within a 100 ms limit.
        var read = host.Evaluate(Compile("(() => { const a = lookup('item', '1'); const b = find('item', 'x'); const c = lookup('item', '2'); let n = 0; for (let i = 0; i < 10; i++) { n += i; } return a.name + b.length + c.name + n; })()"),
            new Dictionary<string, object?>(), null, NoUser, slowDatabase);
        var looping = Assert.Throws<ScriptFailureException>(() => host.Evaluate(
            Compile("(() => { lookup('item', '1'); let i = 0; while (true) { i++; } })()"), new Dictionary<string, object?>(), null, NoUser, slowDatabase));

        Assert.Equal("Tea1Tea45", read);
        Assert.Equal(ScriptFailureKind.Limit, looping.Kind);
        Assert.Contains("100 ms", looping.Message, StringComparison.Ordinal);
    }

    /// <summary>A database that answers every read after <paramref name="delay"/> (a busy server).</summary>
    private sealed class SlowData(TimeSpan delay) : IScriptData
    {
        public IReadOnlyDictionary<string, object?>? Lookup(string entity, string id)
        {
            Thread.Sleep(delay);
            return new Dictionary<string, object?> { ["name"] = "Tea" };
        }

        public IReadOnlyList<IReadOnlyDictionary<string, object?>> Find(string entity, string filter, int max, string? orderBy = null)
        {
            Thread.Sleep(delay);
            return [new Dictionary<string, object?> { ["name"] = "Tea" }];
        }

        public IReadOnlyList<IReadOnlyDictionary<string, object?>> People(PeopleQuery query)
        {
            Thread.Sleep(delay);
            return [new Dictionary<string, object?> { ["name"] = "Li Lei" }];
        }
    }

    [Fact]
    public void A_backtracking_regular_expression_is_stopped_at_the_time_limit()
    {
        var host = new ScriptHost(RuleLimits.Default with { Timeout = TimeSpan.FromMilliseconds(100) }, TimeProvider.System);

        var started = System.Diagnostics.Stopwatch.StartNew();

        var failure = Assert.Throws<ScriptFailureException>(() => host.Evaluate(Compile("/^(a|aa)+$/.test('a'.repeat(60) + '!')"), new Dictionary<string, object?>(), null, NoUser));

        // Not a speed target: a limit check. Jint's own regex limit (10 s) used to hold the run 100 times past the rule's.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"stopped after {started.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(ScriptFailureKind.Limit, failure.Kind);
        Assert.Contains("100 ms", failure.Message, StringComparison.Ordinal); // Jint's own regex limit was 10 s
    }

    [Fact]
    public void A_promise_callback_runs_within_its_own_scripts_limits_never_in_the_next_script()
    {
        var host = new ScriptHost(RuleLimits.Default with { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = int.MaxValue }, TimeProvider.System);

        var first = Assert.Throws<ScriptFailureException>(() =>
            host.Change(Compile("Promise.resolve().then(() => { while (true) { } });", ScriptShape.Statements), new Dictionary<string, object?>(), null, NoUser));
        var next = host.Evaluate(Compile("1 + 1"), new Dictionary<string, object?>(), null, NoUser);

        Assert.Equal(ScriptFailureKind.Limit, first.Kind);
        Assert.Equal(2m, next);
    }

    [Theory]
    [InlineData("return constructor.constructor('return this')();")]
    [InlineData("return (() => {}).constructor('return 1')();")]
    [InlineData("return eval('1');")]
    [InlineData("return System.IO.File;")]
    [InlineData("return importNamespace('System');")]
    [InlineData("return require('fs');")]
    [InlineData("return setTimeout(() => 1, 1);")]
    [InlineData("return 'x'.repeat(1 << 30);")]
    public void Escape_attempts_reach_nothing(string source)
    {
        Assert.Equal(ScriptFailureKind.Error, Fails(source).Kind);
    }

    [Fact]
    public void Thrown_values_that_are_not_errors_are_described_not_crashed_on()
    {
        Assert.Contains("threw", Fails("throw { secret: 1 };").Message, StringComparison.Ordinal);
        Assert.Contains("plain text", Fails("throw 'plain text';").Message, StringComparison.Ordinal);
        Assert.Contains("bad", Fails("throw new TypeError('bad');").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_cannot_leave_anything_behind_for_the_next_one()
    {
        Assert.Equal(ScriptFailureKind.Error, Fails("Object.prototype.polluted = 1;").Kind);
        Assert.Equal(ScriptFailureKind.Error, Fails("globalThis.leak = 1;").Kind);
        Assert.Equal(ScriptFailureKind.Error, Fails("Math.round = () => 42;").Kind);

        Assert.Null(Evaluate("({}).polluted"));
        Assert.Null(Evaluate("typeof leak === 'undefined' ? null : leak"));
        Assert.Equal(3m, Evaluate("Math.round(2.6)"));
    }

    [Fact]
    public void Error_refuses_with_a_message_bound_to_a_field()
    {
        var refusal = Fails("if (true) error('折扣不能超过 20%', 'discount');");

        Assert.Equal(ScriptFailureKind.Refusal, refusal.Kind);
        Assert.Equal(("折扣不能超过 20%", "discount"), (refusal.Message, refusal.Field));
    }

    [Fact]
    public void A_save_script_changes_the_record()
    {
        var changed = _host.Change(Compile("record.status = record.total > 1000 ? 'review' : 'ok';", ScriptShape.Statements), new Dictionary<string, object?> { ["total"] = 1500m }, null, NoUser);

        Assert.Equal("review", changed["status"]);
    }

    [Fact]
    public void Limits_apply_to_each_run_not_to_the_engine_lifetime()
    {
        var script = Compile("(() => { let n = 0; for (let i = 0; i < 5000; i++) { n += i; } return n; })()");

        for (var run = 0; run < 20; run++)
        {
            Assert.Equal(12_497_500m, _host.Evaluate(script, new Dictionary<string, object?>(), null, NoUser));
        }
    }

    [Theory]
    [InlineData("record.quantity *", 1)]
    [InlineData("record.a +\n  (record.b", 2)]
    public void Syntax_errors_name_the_line(string source, int line)
    {
        Assert.Null(ScriptCompiler.Compile("order.total", source, ScriptShape.Expression, out var error));
        Assert.Equal(line, error!.Line);
        Assert.True(error.Column >= 1);
    }

    [Theory]
    [InlineData("record.quantity * record.price", "price", true)]
    [InlineData("record.quantity * record.price", "status", false)]
    [InlineData("sum(record.lines, 'amount')", "lines", true)]
    [InlineData("total(record)", "status", true)]
    [InlineData("record['price'] * 2", "status", true)]
    public void A_formula_knows_which_fields_it_reads_so_it_is_recomputed_only_when_they_change(string source, string changed, bool recompute)
    {
        Assert.Equal(recompute, Compile(source).MayRead([changed]));
    }

    [Fact]
    public void Helpers_take_their_optional_arguments_out_and_reading_records_needs_a_save()
    {
        Assert.Equal(7m, Evaluate("round(6.5)"));
        Assert.Equal(ScriptFailureKind.Refusal, Fails("error('no field');").Kind);
        Assert.Contains("not available", Fails("return lookup('customer', '1');").Message, StringComparison.Ordinal);
    }
}
