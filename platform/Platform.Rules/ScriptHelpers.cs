using Jint;
using Jint.Native;
using Jint.Runtime;

namespace Platform.Rules;

/// <summary>
/// The helpers every script sees besides <c>record</c>, <c>old</c> and <c>user</c>. Arithmetic on money
/// in <c>round</c>, <c>sum</c> and the tax helpers is done in decimal, not in JavaScript numbers.
/// </summary>
internal static class ScriptHelpers
{
    /// <param name="deadline">The run's time limit: reads from the database are not charged to it.</param>
    public static void Install(Engine engine, TimeProvider clock, DataAccess data, RunDeadline deadline)
    {
        engine.SetValue("lookup", new Func<JsValue, JsValue, JsValue>((entity, id) =>
            id is null || id.IsNull() || id.IsUndefined() ? JsValue.Null
            : deadline.Excluding(() => data.Next().Lookup(entity.ToString(), id.ToString())) is { } found ? ScriptValues.ToObject(engine, found) : JsValue.Null));
        engine.SetValue("create", new Func<JsValue, JsValue, JsValue>((entity, values) =>
        {
            var id = Guid.NewGuid();
            data.Queue(new RecordChange(entity.ToString(), null, Values(values)) { NewId = id });
            return new JsString(id.ToString());
        }));
        engine.SetValue("open", new Action<JsValue, JsValue>((entity, id) =>
            data.Queue(new RecordChange(entity.ToString(), id is null || id.IsNull() || id.IsUndefined() ? null : id.ToString(), new Dictionary<string, object?>()) { Opens = true })));
        engine.SetValue("update", new Action<JsValue, JsValue, JsValue>((entity, id, values) =>
            data.Queue(new RecordChange(entity.ToString(), id?.ToString(), Values(values)))));
        // find(entity, filter, max?, orderBy?) — orderBy as OData $orderby: find('quote_line', "product eq '…'", 1, 'createdAt desc').
        engine.SetValue("find", new Func<JsValue, JsValue, JsValue, JsValue, JsValue>((entity, filter, max, orderBy) =>
        {
            var limit = max is null || max.IsUndefined() || max.IsNull() ? DataAccess.MaxFound : (int)Math.Clamp(max.AsNumber(), 1, DataAccess.MaxFound);
            var order = orderBy is null || orderBy.IsUndefined() || orderBy.IsNull() ? null : orderBy.ToString();
            var found = deadline.Excluding(() => data.Next().Find(entity.ToString(), filter is null || filter.IsUndefined() || filter.IsNull() ? "" : filter.ToString(), limit, order));
            return new JsArray(engine, found.Select(r => (JsValue)ScriptValues.ToObject(engine, r)).ToArray());
        }));
        // people({ role: 'CRM salesperson', department: 'sales', subDepartments: true }) — who work may be handed to, sorted by name.
        engine.SetValue("people", new Func<JsValue, JsValue>(filter =>
        {
            var query = new PeopleQuery(Text(filter, "role"), Text(filter, "department"), filter is Jint.Native.Object.ObjectInstance o && TypeConverter.ToBoolean(o.Get("subDepartments")));
            var found = deadline.Excluding(() => data.Next().People(query));
            return new JsArray(engine, found.Select(r => (JsValue)ScriptValues.ToObject(engine, r)).ToArray());
        }));
        engine.SetValue("now", new Func<JsValue>(() => JsValue.FromObject(engine, clock.GetUtcNow().UtcDateTime)));
        engine.SetValue("today", new Func<JsValue>(() =>
            JsValue.FromObject(engine, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZoneInfo.Local).DateTime).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))));
        engine.SetValue("round", new Func<JsValue, JsValue, JsValue>((value, digits) =>
            new JsNumber((double)Math.Round(Decimal(value), digits is null || digits.IsUndefined() ? 0 : (int)Math.Clamp(digits.AsNumber(), 0, 10), MidpointRounding.AwayFromZero))));
        engine.SetValue("sum", new Func<JsValue, JsValue, JsValue>((list, by) => new JsNumber((double)Sum(engine, list, by))));
        engine.SetValue("taxInclusive", new Func<JsValue, JsValue, JsValue>((net, rate) =>
            new JsNumber((double)Math.Round(Decimal(net) * (1 + Decimal(rate)), 2, MidpointRounding.AwayFromZero))));
        engine.SetValue("taxExclusive", new Func<JsValue, JsValue, JsValue>((gross, rate) =>
            new JsNumber((double)Math.Round(Decimal(gross) / (1 + Decimal(rate)), 2, MidpointRounding.AwayFromZero))));
        engine.SetValue("error", new Action<JsValue, JsValue>((message, field) =>
            throw new ScriptFailureException(ScriptFailureKind.Refusal, message is null || message.IsUndefined() ? "Refused by a rule." : message.ToString(), field is not null && field.IsString() ? field.ToString() : null)));
    }

    private static string? Text(JsValue? filter, string name) =>
        filter is Jint.Native.Object.ObjectInstance target && target.Get(name) is { } value && !value.IsNull() && !value.IsUndefined() && value.ToString() is { Length: > 0 } text ? text : null;

    private static Dictionary<string, object?> Values(JsValue? values) =>
        values is Jint.Native.Object.ObjectInstance target && !values.IsArray()
            ? target.GetOwnProperties().ToDictionary(p => p.Key.ToString(), p => ScriptValues.FromScript(p.Value.Value), StringComparer.Ordinal)
            : throw new ScriptFailureException(ScriptFailureKind.Error, "create and update take an object of field values.");

    /// <summary>The sum of a list's values: a property name (<c>sum(record.lines, 'amount')</c>) or a function of the item.</summary>
    private static decimal Sum(Engine engine, JsValue list, JsValue by)
    {
        if (list is not JsArray array)
        {
            return 0;
        }

        var total = 0m;
        foreach (var item in array)
        {
            var value = by is null || by.IsUndefined() ? item : by.IsString() ? item.Get(by) : by is Jint.Native.Function.Function function ? engine.Invoke(function, item) : item;
            if (!value.IsNull() && !value.IsUndefined())
            {
                total += Decimal(value);
            }
        }

        return total;
    }

    private static decimal Decimal(JsValue? value) => value switch
    {
        null => 0,
        _ when value.IsNull() || value.IsUndefined() => 0,
        JsNumber n when !double.IsNaN(n.AsNumber()) && !double.IsInfinity(n.AsNumber()) => (decimal)ScriptValues.FromScript(n)!,
        _ => throw new ScriptFailureException(ScriptFailureKind.Error, $"Expected a number, got {value}."),
    };
}
