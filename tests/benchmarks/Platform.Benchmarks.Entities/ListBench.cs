using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.DataTransfer.Export;
using Platform.RecordPages.Views;
using Platform.Records.Query;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (e) The first page of a list of many records, as the list page asks for it — 20 rows, the total
/// count, the columns formatted for display, lookups' titles — unsorted, sorted by code descending,
/// and searched; against the same page and count from the hand-written EF Core entity.
/// </summary>
internal static class ListBench
{
    public static async Task RunAsync(IServiceProvider provider, string connectionString, int rows)
    {
        Bench.BulkLoad(connectionString, "e_order20", rows, engineColumns: true);
        Bench.BulkLoad(connectionString, "hand_orders", rows, engineColumns: false);
        Console.WriteLine($"(e) first page of a list of {rows} records, 20 rows with the total count; p50 / p95 of 50 runs after 10");
        foreach (var (name, options) in new (string, KeyValuePair<string, string>[])[]
                 {
                     ("unsorted", []),
                     ("sorted by code, descending", [new("$orderby", "code desc")]),
                     ("searched ('C-00999')", [new("$filter", "contains(tolower(code),'c-00999') or contains(tolower(t1),'c-00999')")]),
                     ("a saved view: n1 at least half, choice a, sorted by n1 descending", [new("$filter", ViewFilter.ToOData(Bench.Order20(),
                         [new() { Field = "n1", Operator = "ge", Value = (rows / 2).ToString(CultureInfo.InvariantCulture) }, new() { Field = "c1", Operator = "eq", Value = "a" }])!),
                         new("$orderby", "n1 desc")]),
                 })
        {
            var engine = await Bench.TimeAsync(10, 50, async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("order20"))!;
                var query = options.Append(new("$top", "20")).Append(new("$count", "true"));
                var page = await new RecordQuery(reader, RecordQueries.Parser(reader, "http://bench/odata/", query)).RunAsync(default);
                var columns = RecordColumn.For(reader.Entity, null, CultureInfo.GetCultureInfo("zh-CN")).Take(8).ToList();
                var titles = await LookupTitles.ForAsync(reader, columns, page.Rows, default);
                var cells = page.Rows.SelectMany(r => columns.Select(c => c.Display(r.GetValueOrDefault(c.Field.Name), titles.GetValueOrDefault(c.Field.Name) ?? [], CultureInfo.CurrentCulture))).Count();
                return cells + (int)(page.Count ?? 0);
            });
            var hand = await Bench.TimeAsync(10, 50, async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var orders = scope.ServiceProvider.GetRequiredService<HandWrittenContext>().Orders.AsNoTracking().Where(o => o.DeletedAt == null);
#pragma warning disable CA1304, CA1311, CA1862 // ToLower().Contains is what EF Core translates to SQL lower() and LIKE, as the OData search does.
                orders = name.StartsWith("searched", StringComparison.Ordinal) ? orders.Where(o => o.Code!.ToLower().Contains("c-00999") || o.T1!.ToLower().Contains("c-00999")) : orders;
#pragma warning restore CA1304, CA1311, CA1862
                var view = name.StartsWith("a saved view", StringComparison.Ordinal);
                orders = view ? orders.Where(o => o.N1 >= rows / 2 && o.C1 == "a") : orders;
                var count = await orders.CountAsync();
                var page = name.StartsWith("sorted", StringComparison.Ordinal) ? orders.OrderByDescending(o => o.Code) : view ? orders.OrderByDescending(o => o.N1) : orders.OrderBy(o => o.Id);
                return (await page.Take(20).ToListAsync()).Count + count;
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {name}: engine p50 {Bench.Percentile(engine, 50):F1} ms, p95 {Bench.Percentile(engine, 95):F1} ms; hand-written EF p50 {Bench.Percentile(hand, 50):F1} ms; ratio {Bench.Percentile(engine, 50) / Bench.Percentile(hand, 50):F2}; target < 300 ms"));
        }
    }
}
