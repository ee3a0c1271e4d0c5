using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.OData.UriParser;
using Platform.Benchmarks.Entities;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data;
using Platform.Records.Query;
using Platform.Data.Records;
using Platform.Web.Data;
using Platform.Web.Localization;

// Entity engine benchmark on SQLite, each figure against a hand-written EF Core baseline in the same run:
//   (a) inserting records of a 20-field entity one by one, (b) an OData filter on an indexed field with
//   $orderby and $top=50 over many rows, (c) adding a field to that many rows.
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Entities -- [records] [rows] [queries]
// Or: … -- import [rows=10000] for (d), the .xlsx import alone; … -- list [rows=100000] for (e), a list's first page;
// … -- scopes [rows=100000] for (f), a list's first page by read scope (a manager's subordinates against all records);
// … -- duplicates [rows=100000] for (g), building duplicate keys and checking a typed customer against a key lookup;
// … -- reports [rows=1000000] for (h), revenue and count by month x salesperson grouped by the engine against hand-written SQL.
// … -- dashboard [rows=100000] for (i), six widgets' questions run at once by the engine against the same queries hand-written.
// … -- packages for (j), the CRM, inventory and trade-fair apps installed, then installed again as every start-up does against applying them unfollowed.
if (args.Length > 0 && args[0] == "packages")
{
    await PackageBench.RunAsync();
    return;
}

var importOnly = args.Length > 0 && args[0] == "import";
var listOnly = args.Length > 0 && args[0] == "list";
var scopesOnly = args.Length > 0 && args[0] == "scopes";
var duplicatesOnly = args.Length > 0 && args[0] == "duplicates";
var reportsOnly = args.Length > 0 && args[0] == "reports";
var dashboardOnly = args.Length > 0 && args[0] == "dashboard";
var records = args.Length > 0 && !importOnly && !listOnly && !scopesOnly && !duplicatesOnly && !reportsOnly && !dashboardOnly ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var rows = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var queries = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 200;
var (services, database, folder) = Platform.Benchmarks.BenchPlatform.Create("entities");
services.AddDbContext<HandWrittenContext>(o => o.UseSqlite(database.ConnectionString));
await using var provider = services.BuildServiceProvider();

await using (var scope = provider.CreateAsyncScope())
{
    await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
    var result = await scope.ServiceProvider.GetRequiredService<SchemaManager>().ApplyAsync(Bench.Order20(), "bench");
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    await scope.ServiceProvider.GetRequiredService<HandWrittenContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
}

Console.WriteLine($"SQLite, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; records {records}, rows {rows}, queries {queries}");

// (a) inserts, one record per save, warm-up first.
if (listOnly)
{
    await ListBench.RunAsync(provider, database.ConnectionString, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    Directory.Delete(folder, recursive: true);
    return;
}

if (scopesOnly)
{
    await ScopeBench.RunAsync(provider, database.ConnectionString, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    Directory.Delete(folder, recursive: true);
    return;
}

if (reportsOnly)
{
    await ReportBench.RunAsync(provider, database.ConnectionString, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    Directory.Delete(folder, recursive: true);
    return;
}

if (dashboardOnly)
{
    await ReportBench.DashboardAsync(provider, database.ConnectionString, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    Directory.Delete(folder, recursive: true);
    return;
}

if (duplicatesOnly)
{
    await DuplicateBench.RunAsync(provider, database.ConnectionString, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000);
    Directory.Delete(folder, recursive: true);
    return;
}

if (importOnly)
{
    await ImportBench.RunAsync(provider, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000);
    Directory.Delete(folder, recursive: true);
    return;
}

var actor = new Actor("bench", "bench");
async Task<double> EngineInsertsAsync(int count, int offset)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RecordStore>().CreateAsync("order20", Bench.Values(offset + i), actor);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    return watch.Elapsed.TotalMilliseconds;
}

async Task<double> HandInsertsAsync(int count, int offset)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandWrittenContext>();
        db.Orders.Add(Bench.HandWritten(offset + i));
        await db.SaveChangesAsync();
    }

    return watch.Elapsed.TotalMilliseconds;
}

await EngineInsertsAsync(200, 0);
await HandInsertsAsync(200, 0);
// Ten alternating rounds, so both sides meet the same table sizes and machine noise.
double engineMs = 0, handMs = 0;
const int rounds = 10;
for (var round = 0; round < rounds; round++)
{
    var offset = 200 + round * (records / rounds);
    engineMs += await EngineInsertsAsync(records / rounds, offset);
    handMs += await HandInsertsAsync(records / rounds, offset);
}

Console.WriteLine($"(a) insert {records} records one by one: engine {records / (engineMs / 1000):F0}/s, hand-written EF {records / (handMs / 1000):F0}/s, ratio {engineMs / handMs:F2}");

// (a2) the same inserts in batches of 1,000 per save (imports, integrations), alternating rounds again.
const int batchSize = 1000;
async Task<double> EngineBatchesAsync(int count, int offset)
{
    var watch = Stopwatch.StartNew();
    for (var start = 0; start < count; start += batchSize)
    {
        await using var scope = provider.CreateAsyncScope();
        var batch = Enumerable.Range(offset + start, Math.Min(batchSize, count - start)).Select(i => (IReadOnlyDictionary<string, object?>)Bench.Values(i)).ToList();
        var results = await scope.ServiceProvider.GetRequiredService<RecordStore>().CreateManyAsync("order20", batch, actor);
        if (results.Any(r => !r.Succeeded))
        {
            throw new InvalidOperationException(string.Join("; ", results.First(r => !r.Succeeded).Errors));
        }
    }

    return watch.Elapsed.TotalMilliseconds;
}

async Task<double> HandBatchesAsync(int count, int offset)
{
    var watch = Stopwatch.StartNew();
    for (var start = 0; start < count; start += batchSize)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HandWrittenContext>();
        db.Orders.AddRange(Enumerable.Range(offset + start, Math.Min(batchSize, count - start)).Select(Bench.HandWritten));
        await db.SaveChangesAsync();
    }

    return watch.Elapsed.TotalMilliseconds;
}

var batched = records;
double engineBatchMs = 0, handBatchMs = 0;
for (var round = 0; round < rounds; round++)
{
    var offset = 1_000_000 + round * (batched / rounds);
    engineBatchMs += await EngineBatchesAsync(batched / rounds, offset);
    handBatchMs += await HandBatchesAsync(batched / rounds, offset);
}

Console.WriteLine($"(a2) insert {batched} records in batches of {batchSize}: engine {batched / (engineBatchMs / 1000):F0}/s, hand-written EF {batched / (handBatchMs / 1000):F0}/s, ratio {engineBatchMs / handBatchMs:F2}");

// (b) bulk-load rows into both tables, then time the same query both ways.
Bench.BulkLoad(database.ConnectionString, "e_order20", rows, engineColumns: true);
Bench.BulkLoad(database.ConnectionString, "hand_orders", rows, engineColumns: false);
var middle = "C-" + (rows / 2).ToString("D7", CultureInfo.InvariantCulture);
var totalRows = rows + records + 200 + batched;
var filter = $"code ge '{middle}'";
async Task<List<double>> TimeAsync(Func<Task<int>> query)
{
    var times = new List<double>();
    for (var i = 0; i < queries + 20; i++)
    {
        var watch = Stopwatch.StartNew();
        var count = await query();
        if (count != 50)
        {
            throw new InvalidOperationException($"expected 50 rows, got {count}");
        }

        if (i >= 20)
        {
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
    }

    return times;
}

var odata = await TimeAsync(async () =>
{
    await using var scope = provider.CreateAsyncScope();
    await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("order20"))!;
    var parser = new ODataUriParser(EdmModelFactory.For(reader.Schema), new Uri("http://bench/odata/"),
        new Uri($"http://bench/odata/order20?$filter={Uri.EscapeDataString(filter)}&$orderby=code&$top=50"));
    return (await new RecordQuery(reader, parser).RunAsync(CancellationToken.None)).Rows.Count;
});
#pragma warning disable CA1309 // CA1309: string.Compare is what EF Core translates to SQL comparison, as the OData path does.
var hand = await TimeAsync(async () =>
{
    await using var scope = provider.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<HandWrittenContext>();
    return (await db.Orders.AsNoTracking().Where(o => o.DeletedAt == null && string.Compare(o.Code, middle) >= 0).OrderBy(o => o.Code).Take(50).ToListAsync()).Count;
});
#pragma warning restore CA1309
Console.WriteLine($"(b) $filter={filter}&$orderby=code&$top=50 over {totalRows} rows: OData p50 {Bench.Percentile(odata, 50):F2} ms, p95 {Bench.Percentile(odata, 95):F2} ms; hand-written EF p50 {Bench.Percentile(hand, 50):F2} ms, p95 {Bench.Percentile(hand, 95):F2} ms; p95 ratio {Bench.Percentile(odata, 95) / Bench.Percentile(hand, 95):F2}");

// (c) add a field to the big table, through the engine and as hand-written DDL.
var changed = Bench.Order20();
changed.Fields.Add(new FieldDefinition { Name = "extra", Type = "text", Label = LocalizedText.Of("附加", "Extra") });
var addWatch = Stopwatch.StartNew();
await using (var scope = provider.CreateAsyncScope())
{
    var result = await scope.ServiceProvider.GetRequiredService<SchemaManager>().ApplyAsync(changed, "bench");
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}

var engineAdd = addWatch.Elapsed.TotalMilliseconds;
addWatch.Restart();
await using (var connection = new SqliteConnection(database.ConnectionString))
{
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "ALTER TABLE hand_orders ADD COLUMN extra TEXT NULL";
    await command.ExecuteNonQueryAsync();
}

var handAdd = addWatch.Elapsed.TotalMilliseconds;
Console.WriteLine($"(c) add a field to {totalRows} rows: engine {engineAdd:F0} ms, hand-written ALTER TABLE {handAdd:F0} ms");
SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
