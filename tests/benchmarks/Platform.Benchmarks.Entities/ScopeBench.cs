using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Records.Query;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (f) The first page of a list (20 rows and the total count) as people with different read scopes see it, over many records
/// owned by 1,201 people in 11 departments: a manager with 200 subordinates (everyone in the team they manage) against the same
/// page for someone who reads all records, in the same run; own and department scopes beside them. Each run opens the reader as
/// a request does, so placing the manager in the organisation (reading departments and people) is inside the time.
/// </summary>
internal static class ScopeBench
{
    private const int Subordinates = 200;
    private const int Others = 1_000;

    public static async Task RunAsync(IServiceProvider provider, string connectionString, int rows)
    {
        Bench.BulkLoad(connectionString, "e_order20", rows, engineColumns: true);
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            db.Departments.Add(new Department { Id = "team", Name = "team", ManagerId = null });
            for (var d = 0; d < Others / 100; d++)
            {
                db.Departments.Add(new Department { Id = $"d{d}", Name = $"d{d}" });
            }

            db.Users.Add(new PlatformUser { Id = "boss", UserName = "boss", DepartmentId = "team" });
            for (var i = 1; i <= Subordinates + Others; i++)
            {
                db.Users.Add(new PlatformUser { Id = $"u{i}", UserName = $"u{i}", DepartmentId = i <= Subordinates ? "team" : $"d{(i - Subordinates - 1) / 100}" });
            }

            await db.SaveChangesAsync();
            (await db.Departments.FindAsync("team"))!.ManagerId = "boss";
            await db.SaveChangesAsync();
        }

        // Owners spread over everyone: the team (boss and 200) owns about a sixth of the records.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                UPDATE e_order20 SET owner_id = CASE WHEN rowid % {Subordinates + Others + 1} = 0 THEN 'boss' ELSE 'u' || (rowid % {Subordinates + Others + 1}) END;
                UPDATE e_order20 SET department_id = CASE WHEN owner_id = 'boss' OR CAST(substr(owner_id, 2) AS INTEGER) <= {Subordinates} THEN 'team'
                    ELSE 'd' || ((CAST(substr(owner_id, 2) AS INTEGER) - {Subordinates} - 1) / 100) END;
                ANALYZE;
                """;
            command.ExecuteNonQuery();
        }

        Console.WriteLine($"(f) first page of a list of {rows} records (20 rows with the total count) by read scope; p50 / p95 of 50 runs after 10");
        Actor Boss(RecordScope scope) => new("boss", "boss", "team", new RecordAccess(false, [RecordPermissions.Name("order20", RecordAction.Read, scope)]));
        var baseline = await TimeAsync(provider, Boss(RecordScope.All));
        Report("all records (baseline)", baseline, baseline);
        foreach (var scope in new[] { RecordScope.Subordinates, RecordScope.Department, RecordScope.Own })
        {
            Report(scope.ToString(), await TimeAsync(provider, Boss(scope)), baseline);
        }

        // The same manager with 500 records of other teams shared with them (read), found by one indexed query per request and
        // added to the condition as one list of ids.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                INSERT INTO RecordShares (EntityKey, RecordId, UserId, CanEdit, SharedBy, SharedAt)
                SELECT 'order20', id, 'boss', 0, 'u{Subordinates + 1}', '2026-12-05 00:00:00+00:00' FROM e_order20 WHERE department_id <> 'team' ORDER BY id LIMIT {SharedWithBoss};
                ANALYZE;
                """;
            command.ExecuteNonQuery();
        }

        foreach (var scope in new[] { RecordScope.Subordinates, RecordScope.Own })
        {
            Report($"{scope} and {SharedWithBoss} shared", await TimeAsync(provider, Boss(scope)), baseline);
        }
    }

    private const int SharedWithBoss = 500;

    private static void Report(string name, (List<double> Times, long Count) run, (List<double> Times, long Count) baseline) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {name}: {run.Count} records; p50 {Bench.Percentile(run.Times, 50):F1} ms, p95 {Bench.Percentile(run.Times, 95):F1} ms; ratio to all (p50) {Bench.Percentile(run.Times, 50) / Bench.Percentile(baseline.Times, 50):F2}"));

    private static async Task<(List<double> Times, long Count)> TimeAsync(IServiceProvider provider, Actor actor)
    {
        var times = new List<double>();
        long count = 0;
        for (var i = 0; i < 60; i++)
        {
            var watch = Stopwatch.StartNew();
            await using var scope = provider.CreateAsyncScope();
            await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("order20", actor))!;
            var page = await new RecordQuery(reader, RecordQueries.Parser(reader, "http://bench/odata/", [new("$top", "20"), new("$count", "true")])).RunAsync(default);
            count = page.Count ?? 0;
            if (i >= 10)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return (times, count);
    }
}
