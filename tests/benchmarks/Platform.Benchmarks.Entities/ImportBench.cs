using Platform.Records.Query.Spreadsheets;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.DataTransfer.Export;
using Platform.Data.Importing;
using Platform.DataTransfer.Import;
using Platform.Records.Importing;
using Platform.Records;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (d) Importing an .xlsx of the 20-field entity in upsert mode by code, all or nothing — read, map,
/// parse, find existing keys, create in batches — against creating the same records, already typed,
/// through the record service's batch insert (the path the import ends in), in the same run.
/// </summary>
internal static class ImportBench
{
    public static async Task RunAsync(IServiceProvider provider, int count)
    {
        var actor = new Actor("bench", "bench", Access: new RecordAccess(true, []));
        var workbook = await WorkbookAsync(count);
        Console.WriteLine($"(d) import of {count} rows: workbook {workbook.Length / 1024} KB");

        var watch = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            var records = services.GetRequiredService<RecordStore>();
            await using var reader = (await records.OpenReaderAsync("order20", actor))!;
            var text = services.GetRequiredService<IStringLocalizer>();
            var table = ImportFile.Read(new MemoryStream(workbook), "orders.xlsx", text);
            var mapping = ImportMapping.For(reader.Entity, table.Headings, null, text, reader.Fields);
            var rows = await ImportRows.ConvertAsync(table, mapping, new LookupResolver(reader, text), null, text, default);
            var runs = new ImportRunStore(services.GetRequiredService<PlatformDbContext>(), TimeProvider.System);
            var run = new ImportRun { Id = Guid.CreateVersion7(), Entity = "order20", StartedBy = "bench", Culture = "en", Total = rows.Count, CreatedAt = DateTimeOffset.UtcNow };
            runs.Add(run);
            await runs.SaveAsync();
            await new ImportRunner(records, runs, actor, text)
                .RunAsync(run, reader.Entity, rows, new ImportSettings(null, ["code"], ImportMode.Upsert, SkipBadRows: false), _ => Task.CompletedTask, default);
            var done = (await runs.FindAsync(run.Id))!;
            if (done.Status != ImportRunStates.Completed || done.Inserted != count)
            {
                throw new InvalidOperationException($"import: {done.Status}, {done.Inserted} inserted, {string.Join("; ", (await runs.ProblemsAsync(run.Id, 3)).Select(p => p.Message))}");
            }
        }

        var import = watch.Elapsed;
        watch.Restart();
        for (var start = 0; start < count; start += IRecordStore.MaxBatch)
        {
            await using var scope = provider.CreateAsyncScope();
            var batch = Enumerable.Range(count + start, Math.Min(IRecordStore.MaxBatch, count - start)).Select(i => (IReadOnlyDictionary<string, object?>)Bench.Values(i)).ToList();
            var results = await scope.ServiceProvider.GetRequiredService<RecordStore>().CreateManyAsync("order20", batch, actor);
            if (results.Any(r => !r.Succeeded))
            {
                throw new InvalidOperationException("baseline batch refused");
            }
        }

        var baseline = watch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    import {import.TotalSeconds:F2} s ({count / import.TotalSeconds:F0} rows/s); record-service batch insert of the same values {baseline.TotalSeconds:F2} s; ratio {import.TotalSeconds / baseline.TotalSeconds:F2}; target < 10 s for 10,000"));
    }

    private static async Task<byte[]> WorkbookAsync(int count)
    {
        using var stream = new MemoryStream();
        await using (var writer = new XlsxExportWriter(stream, "orders"))
        {
            var names = Bench.Values(0).Keys.ToList();
            await writer.WriteHeadingsAsync(names, default);
            for (var i = 0; i < count; i++)
            {
                var values = Bench.Values(i);
                await writer.WriteRowAsync([.. names.Select(n => values[n])], default);
            }

            await writer.CompleteAsync(default);
        }

        return stream.ToArray();
    }
}
