using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.Benchmarks.Stock;
using Platform.Core.Metadata;
using Platform.Core.Metadata.Stock;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Records;
using Platform.Records.Documents;
using Platform.Records.Stock;
using Platform.Stock.Valuation;
using Platform.Web.Data;

// Stock ledger benchmark on SQLite, each figure against a hand-written EF Core baseline in the same run:
//   (a) submitting stock documents (one line each: receipts and deliveries of 10 items in 2 warehouses), postings per second;
//   (b) the balance of an item in a warehouse at a day, with [entries] ledger entries in the table, p50/p95;
//   (c) a back-dated receipt in front of [later] entries of one item × warehouse: the submit that reposts them all.
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Stock -- [documents=2000] [entries=1000000] [later=10000]
var documents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var entries = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
var later = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10_000;
var (services, database, folder) = Platform.Benchmarks.BenchPlatform.Create("stock");
services.AddDbContext<HandWrittenStockContext>(o => o.UseSqlite(database.ConnectionString));
await using var provider = services.BuildServiceProvider();
var actor = new Actor("bench", "bench");
Console.WriteLine($"SQLite, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; documents {documents}, entries {entries}, later {later}");

await using (var scope = provider.CreateAsyncScope())
{
    await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
    foreach (var entity in Books.Entities())
    {
        var result = await scope.ServiceProvider.GetRequiredService<SchemaManager>().ApplyAsync(entity, "bench");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    await scope.ServiceProvider.GetRequiredService<HandWrittenStockContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
}

async Task<Guid> CreateAsync(string entity, Dictionary<string, object?> values)
{
    await using var scope = provider.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<IRecordStore>().CreateAsync(entity, values, actor);
    return result.Succeeded ? (Guid)result.Record![SystemFields.Id]! : throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
}

async Task SubmitAsync(string entity, Guid id)
{
    await using var scope = provider.CreateAsyncScope();
    var result = await scope.ServiceProvider.GetRequiredService<IRecordSubmission>().SubmitAsync(entity, id, 1, actor);
    if (!result.Succeeded)
    {
        throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Message)));
    }
}

var items = new List<Guid>();
for (var i = 0; i < 100; i++)
{
    items.Add(await CreateAsync("item", new() { ["code"] = $"I{i:D3}", ["valuation"] = i % 2 == 0 ? "fifo" : "movingAverage" }));
}

var warehouses = new List<Guid>();
for (var w = 0; w < 10; w++)
{
    warehouses.Add(await CreateAsync("warehouse", new() { ["code"] = $"W{w:D2}" }));
}

var today = DateOnly.FromDateTime(DateTime.UtcNow);
Dictionary<string, object?> Document(string warehouseKey, Guid warehouse, Guid item, decimal quantity, decimal? rate, DateOnly day) => new()
{
    ["postingDate"] = day, [warehouseKey] = warehouse,
    ["lines"] = new List<object?> { new Dictionary<string, object?> { ["item"] = item, ["quantity"] = quantity, ["rate"] = rate } },
};

// (a) Postings: the drafts are made first (not measured); then submitted one by one, against the hand-written posting, in rounds.
var drafts = new List<(string Entity, Guid Id)>();
for (var i = 0; i < documents; i++)
{
    var (item, warehouse) = (items[i % 10], warehouses[i / 20 % 2]);
    drafts.Add(i % 20 < 10 ? ("receipt", await CreateAsync("receipt", Document("warehouse", warehouse, item, 10, 3.5m + i % 7, today)))
                           : ("delivery", await CreateAsync("delivery", Document("warehouse", warehouse, item, 5, null, today))));
}

var engineTime = TimeSpan.Zero;
var handTime = TimeSpan.Zero;
var rounds = 10;
for (var round = 0; round < rounds; round++)
{
    var slice = drafts.Skip(round * documents / rounds).Take(documents / rounds).ToList();
    var watch = Stopwatch.StartNew();
    foreach (var (entity, id) in slice)
    {
        await SubmitAsync(entity, id);
    }

    engineTime += watch.Elapsed;
    watch.Restart();
    for (var i = 0; i < slice.Count; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        await HandPostAsync(scope.ServiceProvider.GetRequiredService<HandWrittenStockContext>(), round * 1000 + i, i % 20 < 10 ? 10m : -5m, 3.5m + i % 7);
    }

    handTime += watch.Elapsed;
}

Console.WriteLine($"(a) submit {documents} documents: engine {documents / engineTime.TotalSeconds:0} postings/s ({engineTime.TotalMilliseconds / documents:0.00} ms each), " +
                  $"hand-written {documents / handTime.TotalSeconds:0}/s ({handTime.TotalMilliseconds / documents:0.00} ms); × {engineTime / handTime:0.0}");

static async Task HandPostAsync(HandWrittenStockContext db, int n, decimal quantity, decimal rate)
{
    await using var transaction = await db.Database.BeginTransactionAsync();
    var document = new HandDocument { Id = Guid.NewGuid(), Number = $"H-{n}", PostedAt = DateTime.UtcNow, Submitted = true };
    db.Documents.Add(document);
    var (item, warehouse) = (n % 10, n / 20 % 2);
    var bin = await db.Bins.FindAsync(item, warehouse);
    if (bin is null)
    {
        bin = new HandBin { Item = item, Warehouse = warehouse };
        db.Bins.Add(bin);
    }

    if (quantity > 0)
    {
        bin.Value += quantity * rate;
        bin.Quantity += quantity;
        bin.Rate = Math.Round(bin.Value / bin.Quantity, 9);
    }
    else
    {
        bin.Quantity += quantity;
        bin.Value = Math.Round(bin.Quantity * bin.Rate, 4);
    }

    db.Entries.Add(new HandEntry { Item = item, Warehouse = warehouse, PostedAt = document.PostedAt, Document = document.Id, Quantity = quantity, QuantityAfter = bin.Quantity, ValueAfter = bin.Value, Rate = bin.Rate });
    await db.SaveChangesAsync();
    await transaction.CommitAsync();
}

// (b) Balance at a day with many entries: loaded straight into the ledger table (valued as the ledger would), 100 items × 10 warehouses.
var perBin = Math.Max(1, entries / 1000);
var start = DateTime.UtcNow.Date.AddDays(-perBin - 1);
BulkLedger(database.ConnectionString, items, warehouses, perBin, start);
var random = new Random(7);
var engineSamples = new List<double>();
var handSamples = new List<double>();
for (var q = 0; q < 220; q++)
{
    var (i, w, day) = (random.Next(100), random.Next(10), DateOnly.FromDateTime(start.AddDays(random.Next(perBin))));
    var watch = Stopwatch.StartNew();
    await using (var scope = provider.CreateAsyncScope())
    {
        var answer = await scope.ServiceProvider.GetRequiredService<IStockLedger>().BalanceAsync($"I{i:D3}", $"W{w:D2}", day, actor);
        if (answer.Value is null)
        {
            throw new InvalidOperationException(answer.Error);
        }
    }

    var engine = watch.Elapsed.TotalMilliseconds;
    watch.Restart();
    await using (var scope = provider.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var (item, warehouse) = (items[i], warehouses[w]);
        _ = await db.Set<Platform.Stock.Storage.StockLedgerEntry>().AsNoTracking()
            .Where(e => e.Item == item && e.Warehouse == warehouse && !e.IsCancelled && e.PostedAt < end)
            .OrderByDescending(e => e.PostedAt).ThenByDescending(e => e.Id).Select(e => new { e.QuantityAfter, e.ValueAfter }).FirstOrDefaultAsync();
    }

    if (q >= 20)
    {
        (engineSamples, handSamples) = ([.. engineSamples, engine], [.. handSamples, watch.Elapsed.TotalMilliseconds]);
    }
}

static double P(List<double> samples, double p) => samples.Order().ElementAt((int)Math.Ceiling(p * samples.Count) - 1);
Console.WriteLine($"(b) balance at a day, {(long)perBin * 1000 + documents} entries: engine p50 {P(engineSamples, 0.5):0.00} ms, p95 {P(engineSamples, 0.95):0.00} ms; " +
                  $"hand-written query p50 {P(handSamples, 0.5):0.00} ms, p95 {P(handSamples, 0.95):0.00} ms; × {P(engineSamples, 0.95) / P(handSamples, 0.95):0.0} at p95");

// (c) Repost: one item × warehouse with [later] entries after the back-dated receipt.
var lone = await CreateAsync("item", new() { ["code"] = "REPOST", ["valuation"] = "movingAverage" });
BulkLedger(database.ConnectionString, [lone], [warehouses[0]], later, DateTime.UtcNow.Date.AddDays(-later / 100 - 1), perDay: 100);
var backDated = await CreateAsync("receipt", Document("warehouse", warehouses[0], lone, 7, 9.25m, DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(-later / 100 - 2))));
var repost = Stopwatch.StartNew();
await SubmitAsync("receipt", backDated);
repost.Stop();
var handRepost = Stopwatch.StartNew();
await using (var scope = provider.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
    await using var transaction = await db.Database.BeginTransactionAsync();
    var rows = await db.Set<Platform.Stock.Storage.StockLedgerEntry>().Where(e => e.Item == lone && e.Warehouse == warehouses[0]).OrderBy(e => e.PostedAt).ThenBy(e => e.Id).ToListAsync();
    foreach (var row in rows)
    {
        row.QuantityAfter += 1;
        row.ValueAfter += 1;
    }

    await db.SaveChangesAsync();
    await transaction.RollbackAsync();
}

handRepost.Stop();
Console.WriteLine($"(c) back-dated receipt before {later} entries: engine {repost.Elapsed.TotalMilliseconds:0} ms; hand-written load-change-save of the same rows " +
                  $"{handRepost.Elapsed.TotalMilliseconds:0} ms; × {repost.Elapsed / handRepost.Elapsed:0.0}");
Directory.Delete(folder, recursive: true);

// Ledger entries straight into the table, each valued from the one before as the ledger would (receipts of 10, issues of 5),
// and the bins left after the last: set-up, not measured.
static void BulkLedger(string connectionString, IReadOnlyList<Guid> items, IReadOnlyList<Guid> warehouses, int perBin, DateTime start, int perDay = 1)
{
    using var connection = new SqliteConnection(connectionString);
    connection.Open();
    using var transaction = connection.BeginTransaction();
    using var insert = connection.CreateCommand();
    insert.CommandText = """
        INSERT INTO StockLedgerEntries (Item, Warehouse, PostedAt, VoucherEntity, VoucherId, VoucherNumber, Kind, EnteredQuantity, Quantity, IncomingRate,
          QuantityChange, ValueChange, Rate, QuantityAfter, ValueAfter, ValuationRate, Layers, IsCancelled, CreatedAt)
        VALUES ($item, $warehouse, $at, 'receipt', $voucher, $number, $kind, $q, $q, $rate, $q, $dv, $rate, $qa, $va, $vr, '[]', 0, $at)
        """;
    var p = new[] { "$item", "$warehouse", "$at", "$voucher", "$number", "$kind", "$q", "$rate", "$dv", "$qa", "$va", "$vr" }.ToDictionary(n => n, n => insert.Parameters.Add(n, SqliteType.Text));
    using var bin = connection.CreateCommand();
    bin.CommandText = "INSERT OR REPLACE INTO StockBins (Item, Warehouse, Quantity, Value, ValuationRate, Layers, LastPostedAt, LastEntryId, Version) VALUES ($item, $warehouse, $q, $v, $r, '[]', $at, last_insert_rowid(), 1)";
    var b = new[] { "$item", "$warehouse", "$q", "$v", "$r", "$at" }.ToDictionary(n => n, n => bin.Parameters.Add(n, SqliteType.Text));
    static string Text(decimal d) => d.ToString(CultureInfo.InvariantCulture);
    foreach (var item in items)
    {
        foreach (var warehouse in warehouses)
        {
            var position = StockPosition.Empty;
            var at = start;
            for (var n = 0; n < perBin; n++)
            {
                at = start.AddDays(n / perDay).AddSeconds(n % perDay);
                var movement = n % 3 == 2 ? StockMovement.Issue(5) : StockMovement.Receipt(10, 4m + n % 5);
                var outcome = StockValuation.Apply(position, movement, ValuationMethod.MovingAverage, allowNegative: false);
                position = outcome.After;
                (p["$item"].Value, p["$warehouse"].Value, p["$at"].Value) = (item.ToString().ToUpperInvariant(), warehouse.ToString().ToUpperInvariant(), at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                (p["$voucher"].Value, p["$number"].Value, p["$kind"].Value) = (Guid.NewGuid().ToString().ToUpperInvariant(), $"B-{n}", movement.Quantity > 0 ? "receipt" : "issue");
                (p["$q"].Value, p["$rate"].Value, p["$dv"].Value) = (Text(movement.Quantity), Text(outcome.Rate), Text(outcome.ValueChange));
                (p["$qa"].Value, p["$va"].Value, p["$vr"].Value) = (Text(position.Quantity), Text(position.Value), Text(position.ValuationRate));
                insert.ExecuteNonQuery();
            }

            (b["$item"].Value, b["$warehouse"].Value, b["$at"].Value) = (item.ToString().ToUpperInvariant(), warehouse.ToString().ToUpperInvariant(), at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            (b["$q"].Value, b["$v"].Value, b["$r"].Value) = (Text(position.Quantity), Text(position.Value), Text(position.ValuationRate));
            bin.ExecuteNonQuery();
        }
    }

    transaction.Commit();
}
