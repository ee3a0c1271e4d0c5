using System.Text;
using System.Text.RegularExpressions;
using Platform.Records;
using Platform.Records.Aggregation;
using Platform.Records.Query;
using Platform.Records.Query.Aggregation;

namespace Platform.RecordApi.OData;

/// <summary>
/// OData's <c>$apply</c> (Data Aggregation Extension) over an entity set, as Excel and Power BI send it: <c>filter(…)</c>,
/// <c>groupby((a,b),aggregate(…))</c> and <c>aggregate(…)</c> joined by <c>/</c>, with <c>x with sum|min|max|average|countdistinct as y</c>
/// and <c>$count as y</c>. Answered by the report engine — one GROUP BY in the database over what the reader may read — and never
/// by reading rows. What it does not support (navigation paths, transformations after grouping) is refused naming it.
/// </summary>
public static partial class ApplyQuery
{
    [GeneratedRegex(@"^\s*(?<path>[A-Za-z_][A-Za-z0-9_]*)\s+with\s+(?<method>sum|min|max|average|countdistinct)\s+as\s+(?<alias>[A-Za-z_][A-Za-z0-9_]*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex WithMethod();

    [GeneratedRegex(@"^\s*\$count\s+as\s+(?<alias>[A-Za-z_][A-Za-z0-9_]*)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex CountAs();

    /// <summary>The grouped rows as OData entities: the grouping properties with their values, then each aggregate by its alias.</summary>
    /// <exception cref="ODataQueryException">What is not supported or cannot be worked out, with <c>$apply</c> as its target.</exception>
    public static async Task<RecordPage> RunAsync(IRecordReader reader, string apply, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        List<string>? groups = null;
        List<AggregateMeasure>? measures = null;
        foreach (var step in Split(apply, '/'))
        {
            if (groups is not null || measures is not null)
            {
                throw Refused($"'{step}' comes after a grouping or aggregation; only filter(…) before one groupby or aggregate is supported.");
            }

            if (Inside(step, "filter") is { } filter)
            {
                filters.Add($"({filter})");
            }
            else if (Inside(step, "groupby") is { } groupBy)
            {
                var parts = Split(groupBy, ',');
                if (parts.Count == 0 || !parts[0].StartsWith('(') || !parts[0].EndsWith(')'))
                {
                    throw Refused($"groupby needs its properties in parentheses: groupby((region),aggregate(amount with sum as total)).");
                }

                groups = [.. Split(parts[0][1..^1], ',').Select(p => p.Trim())];
                if (groups.FirstOrDefault(g => g.Contains('/', StringComparison.Ordinal)) is { } path)
                {
                    throw Refused($"Grouping by '{path}' (a related record's property) is not supported yet.");
                }

                measures = parts.Count switch
                {
                    1 => [],
                    2 when Inside(parts[1], "aggregate") is { } aggregate => Measures(aggregate),
                    _ => throw Refused($"groupby takes its properties and at most one aggregate(…)."),
                };
            }
            else if (Inside(step, "aggregate") is { } aggregate)
            {
                groups = [];
                measures = Measures(aggregate);
            }
            else
            {
                throw Refused($"'{step}' is not supported; use filter(…), groupby((…),aggregate(…)) or aggregate(…).");
            }
        }

        groups ??= [];
        var filterText = filters.Count == 0 ? null : string.Join(" and ", filters);
        // groupby without aggregate lists the distinct groups: counted, and the count left out.
        var counted = measures is null or { Count: 0 };
        var request = new AggregateRequest([.. groups.Select(g => new AggregateGroup(g))], counted ? [new AggregateMeasure("$count", MeasureFunction.Count)] : measures!, filterText);
        IReadOnlyList<AggregateRow> rows;
        try
        {
            rows = await RecordAggregation.RunAsync(reader, request, cancellationToken);
        }
        catch (AggregateRefusedException refused)
        {
            throw Refused(refused.Message);
        }

        return new RecordPage([.. rows.Select(row =>
        {
            var entity = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < groups.Count; i++)
            {
                entity[groups[i]] = row.Keys[i];
            }

            if (!counted)
            {
                for (var i = 0; i < request.Measures.Count; i++)
                {
                    entity[request.Measures[i].Name] = row.Values[i];
                }
            }

            return (IReadOnlyDictionary<string, object?>)entity;
        })], null, null);
    }

    private static List<AggregateMeasure> Measures(string aggregate) =>
        [.. Split(aggregate, ',').Select(expression =>
        {
            if (CountAs().Match(expression) is { Success: true } count)
            {
                return new AggregateMeasure(count.Groups["alias"].Value, MeasureFunction.Count);
            }

            if (WithMethod().Match(expression) is not { Success: true } with)
            {
                throw Refused($"'{expression.Trim()}' is not an aggregate this service works out: use 'property with sum|min|max|average|countdistinct as alias' or '$count as alias'.");
            }

            var function = with.Groups["method"].Value.ToLowerInvariant() switch
            {
                "sum" => MeasureFunction.Sum,
                "min" => MeasureFunction.Min,
                "max" => MeasureFunction.Max,
                "average" => MeasureFunction.Average,
                _ => MeasureFunction.CountDistinct,
            };
            return new AggregateMeasure(with.Groups["alias"].Value, function, with.Groups["path"].Value);
        })];

    /// <summary>What is inside <c>name(…)</c> when <paramref name="step"/> is exactly that call, else null.</summary>
    private static string? Inside(string step, string name)
    {
        var trimmed = step.Trim();
        return trimmed.StartsWith(name + "(", StringComparison.OrdinalIgnoreCase) && trimmed.EndsWith(')') ? trimmed[(name.Length + 1)..^1] : null;
    }

    /// <summary>Splits at <paramref name="separator"/> outside parentheses and quoted text.</summary>
    private static List<string> Split(string text, char separator)
    {
        var (parts, current, depth, quoted) = (new List<string>(), new StringBuilder(), 0, false);
        foreach (var c in text)
        {
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')')
            {
                depth--;
            }

            if (c == separator && depth == 0 && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            parts.Add(current.ToString());
        }

        return [.. parts.Where(p => !string.IsNullOrWhiteSpace(p))];
    }

    private static ODataQueryException Refused(string message) => new("$apply", message);
}
