using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.Records.Aggregation;

namespace Platform.Records.Query.Aggregation;

/// <summary>
/// Groups an entity's records and works out measures per group in <b>one SQL query</b> (<c>GROUP BY</c> in the database, never
/// rows read into memory): over the records the reader may read (its roles' scope), narrowed by an OData <c>$filter</c>, grouped
/// by fields or date buckets, measured by count, count distinct, sum, average, min and max. A field the reader may not see
/// cannot be grouped, measured or filtered on: a figure would tell its values.
/// </summary>
public static class RecordAggregation
{
    public const int MostGroups = 4;

    public const int MostMeasures = 12;

    /// <summary>More groups than this are refused (a finer grouping than anyone reads), not cut silently.</summary>
    public const int MostRows = 10_000;

    private static readonly Type[] KeyTypes = [typeof(AggregateKey<>), typeof(AggregateKey<,>), typeof(AggregateKey<,,>), typeof(AggregateKey<,,,>)];

    /// <summary>The groups, ordered by their keys (empty values last), each with its measures.</summary>
    /// <exception cref="AggregateRefusedException">The question names what is not there or not readable, or asks what cannot be worked out; says where.</exception>
    public static async Task<IReadOnlyList<AggregateRow>> RunAsync(IRecordReader reader, AggregateRequest request, CancellationToken cancellationToken)
    {
        if (reader.DecimalsAsText)
        {
            try
            {
                // Amounts kept as text are added as whole units by the database itself; an amount too large for that, or a sum past
                // what a whole number holds, and the question is asked again with the sums worked out as decimals.
                if (await RunAsync(reader, request, units: true, cancellationToken) is { } rows)
                {
                    return rows;
                }
            }
            catch (System.Data.Common.DbException e) when (e.Message.Contains("integer overflow", StringComparison.OrdinalIgnoreCase))
            {
            }
        }

        return (await RunAsync(reader, request, units: false, cancellationToken))!;
    }

    /// <returns>Null when an amount was too large to add up as whole units.</returns>
    private static async Task<IReadOnlyList<AggregateRow>?> RunAsync(IRecordReader reader, AggregateRequest request, bool units, CancellationToken cancellationToken)
    {
        var on = new Over(reader.Schema, reader.Entity, reader.Fields, LookupReach.Of(reader), units);
        var (row, keys, measures) = Parts(on, request);
        var query = Filtered(reader, on, request.Filter);

        // GroupBy(r => new AggregateKey<…> { K0 = …, K1 = … }) — or one constant group for totals alone.
        Expression keyBody = keys.Count == 0 ? Expression.Constant(1)
            : Expression.MemberInit(Expression.New(KeyTypes[keys.Count - 1].MakeGenericType([.. keys.Select(k => k.Type)])),
                keys.Select((k, i) => Expression.Bind(KeyTypes[keys.Count - 1].MakeGenericType([.. keys.Select(k => k.Type)]).GetProperty($"K{i}")!, k)));
        var grouped = Call(typeof(Queryable), nameof(Queryable.GroupBy), [typeof(Dictionary<string, object>), keyBody.Type], query.Expression,
            Expression.Quote(Expression.Lambda(keyBody, row)));
        var group = Expression.Parameter(typeof(IGrouping<,>).MakeGenericType(keyBody.Type, typeof(Dictionary<string, object>)), "g");
        var bindings = new List<MemberBinding>();
        for (var i = 0; i < keys.Count; i++)
        {
            bindings.Add(Expression.Bind(typeof(AggregateResult).GetProperty($"K{i}")!,
                Expression.Convert(Expression.Property(Expression.Property(group, "Key"), $"K{i}"), typeof(object))));
        }

        var figures = new List<Figure>();
        foreach (var (measure, field) in measures)
        {
            var figure = Figure.Of(on, Picked(on, group, measure.Filter, $"measures[{figures.Count}].filter"), measure.Function, field, row, bindings.Count - keys.Count);
            foreach (var column in figure.Columns)
            {
                bindings.Add(Expression.Bind(typeof(AggregateResult).GetProperty($"M{bindings.Count - keys.Count}")!, Expression.Convert(column, typeof(object))));
            }

            figures.Add(figure);
        }

        var selected = Call(typeof(Queryable), nameof(Queryable.Select), [group.Type, typeof(AggregateResult)], grouped,
            Expression.Quote(Expression.Lambda(Expression.MemberInit(Expression.New(typeof(AggregateResult)), bindings), group)));
        var results = await query.Provider.CreateQuery<AggregateResult>(selected).Take(MostRows + 1).ToListAsync(cancellationToken);
        if (results.Count > MostRows)
        {
            throw new AggregateRefusedException("groups", "Reports.Error.TooManyRows",
                $"The report has more than {MostRows:N0} groups: group by fewer fields or a coarser date bucket, or narrow the filter.", MostRows);
        }

        var columns = results.Select(r => r.Columns).ToList();
        if (figures.Any(f => !f.Exact(columns)))
        {
            return null;
        }

        var rows = results.Select((r, i) => new AggregateRow(
            [.. new[] { r.K0, r.K1, r.K2, r.K3 }.Take(keys.Count)],
            [.. figures.Select(f => f.Value(columns[i]))])).ToList();
        if (keys.Count == 0 && rows.Count == 0)
        {
            // Totals over no records: no records counted, nothing summed.
            rows.Add(new AggregateRow([], [.. measures.Select(m => m.Measure.Function is MeasureFunction.Count or MeasureFunction.CountDistinct ? (object?)0 : null)]));
        }

        rows.Sort((a, b) => AggregateKeyOrder.Compare(a.Keys, b.Keys));
        return rows;
    }

    /// <summary>
    /// Checks a question against an entity as it is now without asking the database: every field there and readable, every function
    /// and bucket fitting its field, every filter parsing — what a saved report is checked with when it is saved and listed.
    /// </summary>
    /// <exception cref="AggregateRefusedException">What cannot be answered, and where.</exception>
    public static void Check(RecordsSchema schema, EntityDefinition entity, Core.Records.FieldAccess fields, AggregateRequest request)
    {
        var on = new Over(schema, entity, fields, LookupReach.Unread(schema, target => target == entity ? fields : Core.Records.FieldAccess.Open), Units: false);
        var (_, _, measures) = Parts(on, request);
        var group = Expression.Parameter(typeof(IEnumerable<Dictionary<string, object>>), "g");
        for (var i = 0; i < measures.Count; i++)
        {
            Picked(on, group, measures[i].Measure.Filter, $"measures[{i}].filter");
        }

        if (!string.IsNullOrWhiteSpace(request.Filter))
        {
            try
            {
                RecordFilter.Predicate(schema, entity, request.Filter, fields, on.Reach);
            }
            catch (ArgumentException e)
            {
                throw new AggregateRefusedException("filter", "Reports.Error.Filter", e.Message, e.Message);
            }
        }
    }

    /// <summary>
    /// What a question is asked over: the entity in its schema, the fields the reader may see, what they may read through lookups, and
    /// whether amounts are added up as whole units.
    /// </summary>
    private sealed record Over(RecordsSchema Schema, EntityDefinition Entity, Core.Records.FieldAccess Fields, LookupReach Reach, bool Units);

    private static (ParameterExpression Row, List<Expression> Keys, List<(AggregateMeasure Measure, AggregateField? Field)> Measures) Parts(Over on, AggregateRequest request)
    {
        if (request.Groups.Count > MostGroups)
        {
            throw new AggregateRefusedException("groups", "Reports.Error.TooManyGroups", $"A report groups by at most {MostGroups} fields.", MostGroups);
        }

        if (request.Measures.Count is 0 or > MostMeasures)
        {
            throw new AggregateRefusedException("measures", "Reports.Error.Measures", $"A report needs 1 to {MostMeasures} measures.", MostMeasures);
        }

        var row = Expression.Parameter(typeof(Dictionary<string, object>), "r");
        var keys = request.Groups.Select((g, i) => Key(on, g, row, $"groups[{i}]")).ToList();
        var measures = request.Measures.Select((m, i) => (Measure: m, Field: MeasuredField(on, m, $"measures[{i}]"))).ToList();
        return (row, keys, measures);
    }

    private static IQueryable<Dictionary<string, object>> Filtered(IRecordReader reader, Over on, string? filter)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return reader.Live;
        }

        try
        {
            return RecordFilter.Where(reader.Live, reader.Schema, reader.Entity, filter, reader.Fields, on.Reach);
        }
        catch (ArgumentException e)
        {
            throw new AggregateRefusedException("filter", "Reports.Error.Filter", e.Message, e.Message);
        }
    }

    /// <summary>The group's records a measure works over: all of them, or those its own filter picks (<c>g.Where(…)</c>, a CASE WHEN in SQL).</summary>
    private static Expression Picked(Over on, ParameterExpression group, string? filter, string path)
    {
        if (string.IsNullOrWhiteSpace(filter))
        {
            return group;
        }

        try
        {
            var predicate = RecordFilter.Predicate(on.Schema, on.Entity, filter, on.Fields, on.Reach);
            return Call(typeof(Enumerable), nameof(Enumerable.Where), [typeof(Dictionary<string, object>)], group, predicate);
        }
        catch (ArgumentException e)
        {
            throw new AggregateRefusedException(path, "Reports.Error.Filter", e.Message, e.Message);
        }
    }

    /// <summary>What a group's records are grouped by: the field's value, or a date's bucket as text (a date-time by its day when no bucket is named).</summary>
    private static Expression Key(Over on, AggregateGroup group, ParameterExpression row, string path)
    {
        var field = AggregateField.Resolve(on.Entity, on.Fields, group.Field, $"{path}.field", on.Reach);
        if (field.Kind == FieldTypes.MultiChoice || field.Kind == FieldTypes.LongText)
        {
            throw new AggregateRefusedException($"{path}.field", "Reports.Error.NotGroupable", $"'{field.Name}' cannot group a report: group by a field with one value per record.", field.Name);
        }

        if (group.Bucket is not null && !field.IsDate)
        {
            throw new AggregateRefusedException($"{path}.bucket", "Reports.Error.BucketNeedsDate", $"'{field.Name}' is not a date: only dates group by day, week, month, quarter or year.", field.Name);
        }

        var value = field.Read(row);
        var bucket = group.Bucket ?? (value.Type == typeof(DateTimeOffset?) ? DateBucket.Day : null);
        return bucket is { } b ? Expression.Call(DateBuckets.Method(b, value.Type), value)
            : ScannedKeys.For(value.Type) is { } scanned && !field.IsPath ? Expression.Call(scanned, value) : value;
    }

    private static AggregateField? MeasuredField(Over on, AggregateMeasure measure, string path)
    {
        if (string.IsNullOrWhiteSpace(measure.Name))
        {
            throw new AggregateRefusedException($"{path}.name", "Reports.Error.MeasureName", "Every measure needs a name.");
        }

        if (measure.Function == MeasureFunction.Count && measure.Field is null)
        {
            return null;
        }

        var field = AggregateField.Resolve(on.Entity, on.Fields, measure.Field, $"{path}.field", on.Reach);
        var fits = measure.Function switch
        {
            MeasureFunction.Sum or MeasureFunction.Average => field.IsNumber,
            MeasureFunction.Min or MeasureFunction.Max => field.IsNumber || field.IsDate,
            _ => field.Kind != FieldTypes.LongText,
        };
        return fits ? field : throw new AggregateRefusedException($"{path}.function", "Reports.Error.FunctionDoesNotFit",
            $"{measure.Function} cannot be worked out over '{field.Name}' ({field.Kind.Name}): sums and averages take numbers, min and max numbers or dates.",
            measure.Function.ToString(), field.Name, field.Kind.Name);
    }

    /// <summary>
    /// A measure as the database works it out: one column (<c>g.Count()</c>, <c>g.Sum(r => …)</c>, <c>g.Select(r => …).Distinct().Count()</c>
    /// and the like, which EF Core turns into SQL aggregates) — or, for an amount kept as text, its sum, least or greatest in whole units
    /// (an average: the sum and the count) and the largest amount's size, to tell whether the units were exact.
    /// </summary>
    private sealed record Figure(Expression[] Columns, int First, MeasureFunction Function, long Unit)
    {
        public static Figure Of(Over on, Expression group, MeasureFunction function, AggregateField? field, ParameterExpression row, int first)
        {
            var source = typeof(Dictionary<string, object>);
            if (field is null)
            {
                return new([Call(typeof(Enumerable), nameof(Enumerable.Count), [source], group)], first, function, 0);
            }

            var value = field.Read(row);
            var selector = Expression.Lambda(value, row);
            if (on.Units && value.Type == typeof(decimal?) && function is MeasureFunction.Sum or MeasureFunction.Average or MeasureFunction.Min or MeasureFunction.Max)
            {
                var unit = DecimalUnits.UnitOf(field.Definition?.Scale ?? field.Kind.DefaultScale ?? 4);
                var units = Expression.Lambda(Expression.Call(DecimalUnits.UnitsMethod, value, Expression.Constant(unit)), row);
                var size = Call(typeof(Enumerable), nameof(Enumerable.Max), [source, typeof(double?)], group, Expression.Lambda(Expression.Call(DecimalUnits.SizeMethod, value), row));
                return function switch
                {
                    MeasureFunction.Sum => new([Expression.Call(Numeric("Sum", typeof(long?)).MakeGenericMethod(source), group, units), size], first, function, unit),
                    MeasureFunction.Average => new([Expression.Call(Numeric("Sum", typeof(long?)).MakeGenericMethod(source), group, units), NotEmpty(group, value, row), size], first, function, unit),
                    _ => new([Call(typeof(Enumerable), function.ToString(), [source, typeof(long?)], group, units), size], first, function, unit),
                };
            }

            Expression column = function switch
            {
                MeasureFunction.Count => NotEmpty(group, value, row),
                MeasureFunction.CountDistinct => Call(typeof(Enumerable), nameof(Enumerable.Count), [value.Type],
                    Call(typeof(Enumerable), nameof(Enumerable.Distinct), [value.Type], Call(typeof(Enumerable), nameof(Enumerable.Select), [source, value.Type], group, selector))),
                MeasureFunction.Sum or MeasureFunction.Average => Expression.Call(Numeric(function.ToString(), value.Type).MakeGenericMethod(source), group, selector),
                _ => Call(typeof(Enumerable), function.ToString(), [source, value.Type], group, selector),
            };
            return new([column], first, function, 0);
        }

        /// <summary>Whether every amount was small enough to be read as whole units without losing one.</summary>
        public bool Exact(IEnumerable<object?[]> rows) => Unit == 0 || rows.All(r => r[First + Columns.Length - 1] is not double size || size < DecimalUnits.Exact / Unit);

        /// <summary>The measure's figure from its columns of one group: units back to an amount, an average from its sum and count.</summary>
        public object? Value(object?[] row)
        {
            var value = row[First];
            if (Unit == 0)
            {
                return Plain(value);
            }

            return Function switch
            {
                MeasureFunction.Sum => (decimal)Convert.ToInt64(value ?? 0L, System.Globalization.CultureInfo.InvariantCulture) / Unit,
                MeasureFunction.Average => row[First + 1] is var count && Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) is var n and > 0
                    ? (decimal)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) / Unit / n : null,
                _ => value is null ? null : (decimal)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) / Unit,
            };
        }

        private static MethodCallExpression NotEmpty(Expression group, Expression value, ParameterExpression row) =>
            Call(typeof(Enumerable), nameof(Enumerable.Count), [typeof(Dictionary<string, object>)], group,
                Expression.Lambda(Expression.NotEqual(value, Expression.Constant(null, value.Type)), row));
    }

    /// <summary>Enumerable.Sum/Average's overload for a selector of <paramref name="type"/> (decimal? or long?).</summary>
    private static MethodInfo Numeric(string name, Type type) =>
        typeof(Enumerable).GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetParameters().Length == 2
            && m.GetParameters()[1].ParameterType.GetGenericArguments()[1] == type);

    private static MethodCallExpression Call(Type on, string name, Type[] typeArguments, params Expression[] arguments)
    {
        var method = on.GetMethods().Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == typeArguments.Length
            && m.GetParameters().Length == arguments.Length && (arguments.Length < 2 || IsSelector(m.GetParameters()[1].ParameterType, on)));
        return Expression.Call(method.MakeGenericMethod(typeArguments), arguments);
    }

    /// <summary>Skips the overloads whose second parameter is not a plain one-argument selector (with an index, a comparer).</summary>
    private static bool IsSelector(Type parameter, Type on)
    {
        var function = on == typeof(Queryable) ? parameter.GetGenericArguments().FirstOrDefault() : parameter;
        return function is { IsGenericType: true } && function.GetGenericTypeDefinition() == typeof(Func<,>);
    }

    /// <summary>Averages of whole numbers come as double; money and quantities stay decimal.</summary>
    private static object? Plain(object? value) => value is double d ? (decimal)d : value;
}
