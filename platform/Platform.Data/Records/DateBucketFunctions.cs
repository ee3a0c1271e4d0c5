using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Records.Aggregation;

namespace Platform.Data.Records;

/// <summary>
/// Registers <see cref="DateBuckets"/> with the record model, each as the database's own date functions, so reports group
/// dates in SQL: SQLite <c>strftime</c>, PostgreSQL <c>to_char</c>/<c>date_trunc</c>, SQL Server <c>FORMAT</c>/<c>DATEADD</c>.
/// Moments are stored in UTC and bucketed in the platform's time zone (its offset now: zones with summer time shift by an hour
/// around the change). The formats are the platform's constants, never a user's text.
/// </summary>
internal static class DateBucketFunctions
{
    public static void Register(ModelBuilder model, string? provider)
    {
        var zone = TimeZoneInfo.Local;
        foreach (var (bucket, method, moment) in DateBuckets.All())
        {
            model.HasDbFunction(method).HasTranslation(arguments => provider switch
            {
                "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSql(bucket, moment ? Call("timezone", Sql($"'{zone.Id.Replace("'", "", StringComparison.Ordinal)}'"), arguments[0]) : arguments[0]),
                "Microsoft.EntityFrameworkCore.SqlServer" => SqlServer(bucket, moment ? Call("SWITCHOFFSET", arguments[0], Sql($"'{Offset(zone, ":")}'")) : arguments[0]),
                _ => Sqlite(bucket, arguments[0], moment ? $"'{(int)zone.BaseUtcOffset.TotalMinutes:+0;-0} minutes'" : null),
            });
        }
    }

    private static SqlFunctionExpression Sqlite(DateBucket bucket, SqlExpression value, string? shift)
    {
        SqlFunctionExpression Format(string format, params string[] modifiers) =>
            Call("strftime", [Sql($"'{format}'"), value, .. new[] { shift }.Concat(modifiers).OfType<string>().Select(Sql)]);

        // A date is stored as its yyyy-MM-dd text: its day, month and year are the first 10, 7 and 4 characters, cheaper than strftime;
        // its quarter's digit is the month's place in '111222333444'.
        if (shift is null && bucket is DateBucket.Day or DateBucket.Month or DateBucket.Year)
        {
            return Call("substr", value, Sql("1"), Sql(bucket switch { DateBucket.Day => "10", DateBucket.Month => "7", _ => "4" }));
        }

        if (shift is null && bucket is DateBucket.Quarter)
        {
            return Call("printf", Sql("'%s-Q%s'"), Call("substr", value, Sql("1"), Sql("4")), Call("substr", Sql("'111222333444'"), Call("substr", value, Sql("6"), Sql("2")), Sql("1")));
        }

        return bucket switch
        {
            DateBucket.Day => Format("%Y-%m-%d"),
            // Back six days, then on to a Monday: the Monday of the week the day is in.
            DateBucket.Week => Format("%Y-%m-%d", "'-6 days'", "'weekday 1'"),
            DateBucket.Month => Format("%Y-%m"),
            DateBucket.Year => Format("%Y"),
            // The quarter's digit is the month's place in '111222333444'.
            _ => Call("printf", Sql("'%s-Q%s'"), Format("%Y"), Call("substr", Sql("'111222333444'"), Format("%m"), Sql("1"))),
        };
    }

    private static SqlFunctionExpression PostgreSql(DateBucket bucket, SqlExpression value) => bucket switch
    {
        DateBucket.Day => Call("to_char", value, Sql("'YYYY-MM-DD'")),
        DateBucket.Week => Call("to_char", Call("date_trunc", Sql("'week'"), value), Sql("'YYYY-MM-DD'")),
        DateBucket.Month => Call("to_char", value, Sql("'YYYY-MM'")),
        DateBucket.Year => Call("to_char", value, Sql("'YYYY'")),
        _ => Call("to_char", value, Sql("'YYYY-\"Q\"Q'")),
    };

    private static SqlFunctionExpression SqlServer(DateBucket bucket, SqlExpression value) => bucket switch
    {
        DateBucket.Day => Call("FORMAT", value, Sql("'yyyy-MM-dd'")),
        // 1900-01-01 was a Monday; DATEDIFF counts the Sundays passed, so the day before decides the week.
        DateBucket.Week => Call("FORMAT", Call("DATEADD", Sql("week"), Call("DATEDIFF", Sql("week"), Sql("'19000101'"), Call("DATEADD", Sql("day"), Sql("-1"), value)), Sql("'19000101'")),
            Sql("'yyyy-MM-dd'")),
        DateBucket.Month => Call("FORMAT", value, Sql("'yyyy-MM'")),
        DateBucket.Year => Call("FORMAT", value, Sql("'yyyy'")),
        _ => Call("CONCAT", Call("FORMAT", value, Sql("'yyyy'")), Sql("'-Q'"), Call("DATEPART", Sql("quarter"), value)),
    };

    private static string Offset(TimeZoneInfo zone, string separator)
    {
        var offset = zone.BaseUtcOffset;
        return $"{(offset < TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours):00}{separator}{Math.Abs(offset.Minutes):00}";
    }

    private static SqlFragmentExpression Sql(string text) => new(text);

    /// <summary>Every call is given a type (EF Core wants one on each node, not only the outermost): text, which is what buckets are.</summary>
    private static readonly StringTypeMapping Text = new("text", System.Data.DbType.String);

    private static SqlFunctionExpression Call(string name, params SqlExpression[] arguments) =>
        new(name, arguments, nullable: true, argumentsPropagateNullability: arguments.Select(a => a is not SqlFragmentExpression).ToArray(), typeof(string), Text);
}
