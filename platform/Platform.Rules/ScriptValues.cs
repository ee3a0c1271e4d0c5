using System.Globalization;
using Jint;
using Jint.Native;

namespace Platform.Rules;

/// <summary>
/// Values between records and scripts. Numbers (money included) are JavaScript numbers inside a
/// script; results are rounded to the field's scale on the way back, which restores the exact
/// decimal whenever the true value has at most 15 significant digits (money below 10^11 with four
/// decimals). Dates are <c>Date</c> objects at midnight UTC, date-times <c>Date</c> objects, lines
/// arrays of objects, multi-choice values arrays of strings, ids strings.
/// </summary>
public static class ScriptValues
{
    public static JsValue ToScript(Engine engine, object? value) => value switch
    {
        null => JsValue.Null,
        string s => new JsString(s),
        bool b => b ? JsBoolean.True : JsBoolean.False,
        long l => new JsNumber(l),
        int i => new JsNumber(i),
        decimal d => new JsNumber((double)d),
        double d => new JsNumber(d),
        Guid g => new JsString(g.ToString()),
        DateOnly d => Date(engine, new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)),
        DateTimeOffset d => Date(engine, d),
        DateTime d => Date(engine, new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind))),
        IReadOnlyDictionary<string, object?> record => ToObject(engine, record),
        IEnumerable<string> list => new JsArray(engine, list.Select(s => (JsValue)new JsString(s)).ToArray()),
        IEnumerable<IReadOnlyDictionary<string, object?>> lines => new JsArray(engine, lines.Select(l => (JsValue)ToObject(engine, l)).ToArray()),
        IEnumerable<object?> list => new JsArray(engine, list.Select(item => ToScript(engine, item)).ToArray()),
        _ => new JsString(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static JsValue Date(Engine engine, DateTimeOffset value) => JsValue.FromObject(engine, value.UtcDateTime);

    public static JsObject ToObject(Engine engine, IReadOnlyDictionary<string, object?> values)
    {
        var target = new JsObject(engine);
        foreach (var (name, value) in values)
        {
            target.FastSetDataProperty(name, ToScript(engine, value));
        }

        return target;
    }

    /// <summary>A script's value as a plain CLR value the record engine converts and checks like typed input.</summary>
    public static object? FromScript(JsValue value) => value switch
    {
        _ when value.IsNull() || value.IsUndefined() => null,
        JsString s => s.ToString(),
        JsBoolean b => b.AsBoolean(),
        JsNumber n when double.IsNaN(n.AsNumber()) || double.IsInfinity(n.AsNumber()) => throw new ScriptFailureException(ScriptFailureKind.Error, $"The result is not a number ({n})."),
        JsNumber n => ToDecimal(n.AsNumber()),
        JsArray array => array.Select(FromScript).ToList(),
        _ when value.IsDate() => new DateTimeOffset(DateTime.SpecifyKind(value.AsDate().ToDateTime(), DateTimeKind.Utc)),
        // Plain objects (a workflow variable holding { amount: 1, tags: [] }) come back as dictionaries; functions and the like as text.
        JsObject plain => plain.GetOwnProperties()
            .Where(p => p.Key.IsString() && p.Value.Value is { } v && !v.IsUndefined())
            .ToDictionary(p => p.Key.ToString(), p => FromScript(p.Value.Value), StringComparer.Ordinal),
        _ => value.ToString(),
    };

    private static decimal ToDecimal(double number)
    {
        if (Math.Abs(number) >= 7.9e28)
        {
            throw new ScriptFailureException(ScriptFailureKind.Error, $"The result {number.ToString(CultureInfo.InvariantCulture)} is too large.");
        }

        // Through the shortest round-trip text, so 0.1 + 0.2 arrives as 0.30000000000000004 and rounds to 0.3 at the field's scale.
        return decimal.Parse(number.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
