using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.Records.Aggregation;
using Platform.Records.Query.Aggregation;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (h) A report over many order records: revenue (sum of an amount) and the number of orders by month × salesperson, grouped by
/// the engine (one GROUP BY query through EF Core, amounts added exactly as whole ten-thousandths by SQLite's integer SUM) against the
/// same question as hand-written SQL on the same table (SQLite's own SUM, which adds decimals stored as text as floating point),
/// p50/p95 of 20 runs after 3.
/// </summary>
internal static class ReportBench
{
    public static async Task RunAsync(IServiceProvider provider, string connectionString, int rows)
    {
        Load(connectionString, rows);
        Console.WriteLine($"(h) revenue and order count by month x salesperson over {rows} records (24 months, 20 salespeople); p50 / p95 of 20 runs after 3");
        var request = new AggregateRequest([new("d1", DateBucket.Month), new("ownerId")],
            [new("revenue", MeasureFunction.Sum, "m1"), new("orders", MeasureFunction.Count)]);
        var groups = 0;
        var engine = await Bench.TimeAsync(3, 20, async () =>
        {
            await using var scope = provider.CreateAsyncScope();
            await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("order20"))!;
            groups = (await RecordAggregation.RunAsync(reader, request, default)).Count;
            return groups;
        });
        var hand = await Bench.TimeAsync(3, 20, () =>
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT strftime('%Y-%m', f_d1), owner_id, SUM(f_m1), COUNT(*) FROM e_order20 WHERE deleted_at IS NULL GROUP BY 1, 2";
            using var reader = command.ExecuteReader();
            var count = 0;
            while (reader.Read())
            {
                count++;
            }

            return Task.FromResult(count);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {groups} groups: engine p50 {Bench.Percentile(engine, 50):F0} ms, p95 {Bench.Percentile(engine, 95):F0} ms; hand-written SQL p50 {Bench.Percentile(hand, 50):F0} ms, p95 {Bench.Percentile(hand, 95):F0} ms; ratio (p95) {Bench.Percentile(engine, 95) / Bench.Percentile(hand, 95):F2}; target p95 <= 1000 ms"));
    }

    /// <summary>
    /// (i) A dashboard of six widgets rendered server-side: six questions (a KPI's totals; revenue by month; orders by salesperson; revenue
    /// and orders by month × salesperson; average order by quarter; salespeople active per month), each grouped query with a totals
    /// query where the report runner asks one (averages and distinct counts; sums and counts add up from the groups), the six run at once on the thread pool, each in its own scope, as the dashboard does — against the same twelve
    /// queries hand-written, also six at once. p50/p95 of 20 runs after 3.
    /// </summary>
    public static async Task DashboardAsync(IServiceProvider provider, string connectionString, int rows)
    {
        Load(connectionString, rows);
        Console.WriteLine($"(i) a dashboard of 6 widgets over {rows} records (grouped queries, and totals queries where they do not add up), run at once; p50 / p95 of 20 runs after 3");
        AggregateMeasure Revenue() => new("revenue", MeasureFunction.Sum, "m1");
        AggregateMeasure Orders() => new("orders", MeasureFunction.Count);
        const string Live = " FROM e_order20 WHERE deleted_at IS NULL";
        // Each widget as the dashboard shows it: a chart shows only its groups, so the dashboard does not ask a chart for the
        // totals that do not add up from them (averages, distinct counts) — the last two. Measured both ways in the same run.
        var widgets = new (string Shown, AggregateGroup[] Groups, AggregateMeasure[] Measures, string Sql, string? Totals)[]
        {
            ("kpi", [], [Revenue(), Orders()], "SELECT SUM(f_m1), COUNT(*)" + Live, null),
            // Sums and counts: the report runner adds the totals up from the groups (so does the hand-written side: no totals query).
            ("line chart", [new("d1", DateBucket.Month)], [Revenue()], "SELECT substr(f_d1, 1, 7), SUM(f_m1)" + Live + " GROUP BY 1", null),
            ("bar chart", [new("ownerId")], [Orders()], "SELECT owner_id, COUNT(*)" + Live + " GROUP BY 1", null),
            ("table", [new("d1", DateBucket.Month), new("ownerId")], [Revenue(), Orders()], "SELECT substr(f_d1, 1, 7), owner_id, SUM(f_m1), COUNT(*)" + Live + " GROUP BY 1, 2", null),
            ("bar chart", [new("d1", DateBucket.Quarter)], [new("average", MeasureFunction.Average, "m1")],
                "SELECT substr(f_d1, 1, 4) || '-Q' || ((CAST(substr(f_d1, 6, 2) AS INTEGER) + 2) / 3), AVG(f_m1)" + Live + " GROUP BY 1", "SELECT AVG(f_m1)" + Live),
            ("line chart", [new("d1", DateBucket.Month)], [new("sellers", MeasureFunction.CountDistinct, "ownerId")], "SELECT substr(f_d1, 1, 7), COUNT(DISTINCT owner_id)" + Live + " GROUP BY 1",
                "SELECT COUNT(DISTINCT owner_id)" + Live),
        };
        foreach (var chartTotals in new[] { true, false })
        {
            bool AsksTotals((string Shown, AggregateGroup[], AggregateMeasure[], string, string? Totals) widget) =>
                widget.Totals is not null && (chartTotals || !widget.Shown.EndsWith("chart", StringComparison.Ordinal));
            var engine = await Bench.TimeAsync(3, 20, async () =>
            {
                var answered = await Task.WhenAll(widgets.Select(widget => Task.Run(async () =>
                {
                    await using var scope = provider.CreateAsyncScope();
                    await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("order20"))!;
                    var rowsOf = await RecordAggregation.RunAsync(reader, new AggregateRequest(widget.Groups, widget.Measures), default);
                    if (AsksTotals(widget))
                    {
                        await RecordAggregation.RunAsync(reader, new AggregateRequest([], widget.Measures), default);
                    }

                    return rowsOf.Count;
                })));
                return answered.Sum();
            });
            var hand = await Bench.TimeAsync(3, 20, async () =>
            {
                var answered = await Task.WhenAll(widgets.Select(widget => Task.Run(() =>
                {
                    using var connection = new SqliteConnection(connectionString);
                    connection.Open();
                    var count = Count(connection, widget.Sql);
                    if (AsksTotals(widget))
                    {
                        Count(connection, widget.Totals!);
                    }

                    return count;
                })));
                return answered.Sum();
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {(chartTotals ? "charts asked their totals too" : "charts asked only their groups (as the dashboard asks)")}: engine p50 {Bench.Percentile(engine, 50):F0} ms, p95 {Bench.Percentile(engine, 95):F0} ms; hand-written SQL p50 {Bench.Percentile(hand, 50):F0} ms, p95 {Bench.Percentile(hand, 95):F0} ms; ratio (p95) {Bench.Percentile(engine, 95) / Bench.Percentile(hand, 95):F2}; target p95 <= 300 ms"));
        }
    }

    private static int Count(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var count = 0;
        while (reader.Read())
        {
            count++;
        }

        return count;
    }

    /// <summary>Orders spread over 24 months and 20 salespeople, amounts with cents (setup, not measured).</summary>
    private static void Load(string connectionString, int rows)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO e_order20 (id, created_at, created_by, updated_at, updated_by, row_version, owner_id, f_code, f_m1, f_d1) VALUES ($id, $now, 'bench', $now, 'bench', 1, $owner, $code, $amount, $day)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var now = command.Parameters.Add("$now", SqliteType.Text);
        var owner = command.Parameters.Add("$owner", SqliteType.Text);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var amount = command.Parameters.Add("$amount", SqliteType.Text);
        var day = command.Parameters.Add("$day", SqliteType.Text);
        now.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        command.Prepare();
        var first = new DateOnly(2025, 1, 1);
        for (var i = 0; i < rows; i++)
        {
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            owner.Value = "seller-" + (i % 20).ToString("D2", CultureInfo.InvariantCulture);
            code.Value = "R-" + i.ToString("D7", CultureInfo.InvariantCulture);
            amount.Value = (100m + (i % 997) + ((i % 100) / 100m)).ToString(CultureInfo.InvariantCulture);
            day.Value = first.AddDays(i % 730).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }
}
