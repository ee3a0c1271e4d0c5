using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Platform.Benchmarks.Entities;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Rules;
using Platform.Web.Data;
using Platform.Web.Localization;

// Rules benchmark on SQLite, each figure against a baseline in the same run:
//   (a) saving a record of the 20-field entity with 5 rules (2 computed fields, a default, a validation
//       rule, a before-save script) against the same save of the same entity without rules;
//   (b) computed-field evaluations per second on one thread (a line amount from quantity, price, discount).
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Rules -- [saves] [evaluations]
var saves = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
var evaluations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 500_000;
var (services, database, folder) = Platform.Benchmarks.BenchPlatform.Create("rules");
await using var provider = services.BuildServiceProvider();

var plain = Bench.Order20();
var ruled = Bench.Order20();
ruled.Name = "order20r";
ruled.Fields.Add(new FieldDefinition { Name = "gross", Type = "computed", ResultType = "money", Formula = "record.m1 * record.n2 + record.m2", Label = LocalizedText.Of("毛额", "Gross") });
ruled.Fields.Add(new FieldDefinition { Name = "net", Type = "computed", ResultType = "money", Formula = "taxExclusive(record.m2, 0.13)", Label = LocalizedText.Of("净额", "Net") });
ruled.Field("t4")!.Default = "'default text'";
ruled.Rules =
[
    new RuleDefinition { Name = "positive", Kind = RuleDefinition.Validation, When = "record.m1 < 0", Message = LocalizedText.Of("不能为负", "Cannot be negative"), Field = "m1" },
    new RuleDefinition { Name = "label", Kind = RuleDefinition.BeforeSave, Script = "record.t3 = record.b1 ? '是' : '否';" },
];
await using (var scope = provider.CreateAsyncScope())
{
    await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
    foreach (var entity in new[] { plain, ruled })
    {
        var result = await scope.ServiceProvider.GetRequiredService<SchemaManager>().ApplyAsync(entity, "bench");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }
}

Console.WriteLine($"SQLite, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; saves {saves}, evaluations {evaluations}");
var actor = new Actor("bench", "bench", Roles: ["Sales"]);
async Task<double> SavesAsync(string entity, int count, int offset)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        var values = Bench.Values(offset + i);
        values.Remove("t4");
        var result = await scope.ServiceProvider.GetRequiredService<RecordStore>().CreateAsync(entity, values, actor);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    return watch.Elapsed.TotalMilliseconds;
}

await SavesAsync("order20", 300, 0);
await SavesAsync("order20r", 300, 0);
double plainMs = 0, ruledMs = 0;
const int rounds = 10;
for (var round = 0; round < rounds; round++)
{
    var offset = 1000 + round * (saves / rounds);
    ruledMs += await SavesAsync("order20r", saves / rounds, offset);
    plainMs += await SavesAsync("order20", saves / rounds, offset);
}

var extra = (ruledMs - plainMs) / saves;
Console.WriteLine($"(a) save with 5 rules: {ruledMs / saves:F3} ms, without rules: {plainMs / saves:F3} ms, extra {extra:F3} ms per save (ratio {ruledMs / plainMs:F2})");

// (b) one thread, one prepared formula, a fresh record object per evaluation.
var host = provider.GetRequiredService<ScriptHost>();
var formula = ScriptCompiler.Compile("line.amount", "record.quantity * record.price * (1 - record.discount)", ScriptShape.Expression, out _)!;
var user = new Dictionary<string, object?> { ["id"] = "bench", ["roles"] = Array.Empty<string>() };
var record = new Dictionary<string, object?> { ["quantity"] = 3m, ["price"] = 19.99m, ["discount"] = 0.1m };
for (var i = 0; i < 20_000; i++)
{
    host.Evaluate(formula, record, null, user);
}

var evaluationWatch = Stopwatch.StartNew();
for (var i = 0; i < evaluations; i++)
{
    record["quantity"] = (decimal)(i % 100);
    host.Evaluate(formula, record, null, user);
}

var perSecond = evaluations / evaluationWatch.Elapsed.TotalSeconds;
Console.WriteLine($"(b) computed-field evaluations on one thread: {perSecond:F0}/s ({evaluationWatch.Elapsed.TotalMilliseconds * 1000 / evaluations:F2} µs each)");
SqliteConnection.ClearAllPools();
Directory.Delete(folder, recursive: true);
