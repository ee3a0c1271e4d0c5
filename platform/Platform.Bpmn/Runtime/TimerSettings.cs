using System.Globalization;
using System.Xml.Linq;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// A timer event's definition: <c>timeDuration</c> (ISO-8601 duration from when the timer starts),
/// <c>timeDate</c> (an ISO-8601 date and time) or <c>timeCycle</c> (<c>R3/PT1H</c>, <c>R/PT10M</c>,
/// <c>R/2026-01-01T08:00:00Z/P1D</c>, or a Quartz cron expression such as <c>0 0 2 * * ?</c>).
/// The text may be a <c>${…}</c> expression, evaluated when the timer starts.
/// </summary>
public sealed record TimerSettings(string Kind, string Text)
{
    public const string Duration = "timeDuration";
    public const string Date = "timeDate";
    public const string Cycle = "timeCycle";

    public static TimerSettings? Read(string id, XElement definition)
    {
        foreach (var kind in new[] { Duration, Date, Cycle })
        {
            if (definition.Element(BpmnNamespaces.Model + kind)?.Value.Trim() is { Length: > 0 } text)
            {
                return new TimerSettings(kind, text);
            }
        }

        return null;
    }

    /// <summary>Checks a literal definition at deploy time (expressions are checked when they run); null when it is fine.</summary>
    public string? Problem() => Text.Contains("${", StringComparison.Ordinal) ? null : Schedule.TryParse(Kind, Text, out _, out var error) ? null : error;
}

/// <summary>When a timer fires: once at a moment, or every period (a number of times or for ever), or by a cron expression.</summary>
public sealed record Schedule(DateTimeOffset? At, IsoDuration? Wait, IsoDuration? Every, int? Repeats, DateTimeOffset? From, string? Cron)
{
    public static bool TryParse(string kind, string text, out Schedule schedule, out string error)
    {
        schedule = new Schedule(null, null, null, null, null, null);
        error = "";
        switch (kind)
        {
            case TimerSettings.Duration when IsoDuration.TryParse(text, out var wait):
                schedule = schedule with { Wait = wait };
                return true;
            case TimerSettings.Date when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                schedule = schedule with { At = at };
                return true;
            case TimerSettings.Cycle when text.StartsWith('R'):
                var parts = text.Split('/');
                if (parts.Length is 2 or 3 && (parts[0] == "R" || int.TryParse(parts[0][1..], NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    && IsoDuration.TryParse(parts[^1], out var every))
                {
                    DateTimeOffset? from = null;
                    if (parts.Length == 3)
                    {
                        if (!DateTimeOffset.TryParse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start))
                        {
                            break;
                        }

                        from = start;
                    }

                    schedule = schedule with { Every = every, Repeats = parts[0] == "R" ? null : int.Parse(parts[0][1..], CultureInfo.InvariantCulture), From = from };
                    return true;
                }

                break;
            case TimerSettings.Cycle when Quartz.CronExpression.TryParse(text, out _):
                schedule = schedule with { Cron = text };
                return true;
        }

        error = kind switch
        {
            TimerSettings.Duration => $"'{text}' is not an ISO-8601 duration such as PT5M or P2D.",
            TimerSettings.Date => $"'{text}' is not an ISO-8601 date and time such as 2026-03-05T09:00:00+08:00.",
            _ => $"'{text}' is neither an ISO-8601 cycle such as R3/PT1H nor a cron expression such as 0 0 2 * * ?.",
        };
        return false;
    }

    /// <summary>The first time the timer fires once it starts at <paramref name="now"/>.</summary>
    public DateTimeOffset First(DateTimeOffset now) =>
        At ?? Wait?.AddTo(now) ?? (Every is not null ? (From is { } from && from > now ? from : Every.AddTo(now)) : Next(now)!.Value);

    /// <summary>The time after <paramref name="fired"/> (the <paramref name="times"/>-th firing) or null when a cycle is over.</summary>
    public DateTimeOffset? Next(DateTimeOffset fired, int times = 0)
    {
        if (Cron is not null)
        {
            // Cron fields are wall-clock times of the server's time zone ("0 0 2 * * ?" is 2 a.m. where the business is).
            return new Quartz.CronExpression(Cron, TimeZoneInfo.Local).GetNextValidTimeAfter(fired);
        }

        return Every is not null && (Repeats is null || times < Repeats) ? Every.AddTo(fired) : null;
    }
}
