using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Records.Duplicates;
using Platform.Records.Query;

namespace Platform.Benchmarks.Entities;

/// <summary>
/// (g) Duplicate checks over many customers with Chinese company names and phones, the three rules of the sample customer
/// (same name without its legal form, a similar name scoring 0.7 or more, the same phone):
/// building every customer's keys when the rules are added, against making the customer code unique (an index over the same
/// rows) in the same run; then what a form asks while someone types — the matches of a name and a phone — against a plain key
/// lookup on the same table (a customer by its indexed code), each opened as a request does.
/// </summary>
internal static class DuplicateBench
{
    private static readonly string[] Cities = ["北京", "上海", "广州", "深圳", "杭州", "苏州", "成都", "武汉", "南京", "西安", "天津", "重庆", "宁波", "青岛", "厦门", "长沙"];
    private static readonly string[] Syllables = [.. "华中兴达恒泰鑫源盛宏瑞丰新康安信通利元和嘉德美捷诚创联博远东方天鸿金星海宇汇顺凯佳正明光辉广永昌隆发".Select(c => c.ToString())];
    private static readonly string[] Trades = ["科技", "贸易", "电子", "机械", "化工", "服饰", "食品", "医疗器械", "建材", "物流", "软件", "包装"];
    private static readonly string[] LegalForms = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"];

    public static async Task RunAsync(IServiceProvider provider, string connectionString, int rows)
    {
        var customer = Customer(rules: false, uniqueCode: false);
        await ApplyAsync(provider, customer);
        var names = Load(connectionString, rows);
        Console.WriteLine($"(g) duplicate checks over {rows} customers ({names.Distinct().Count()} distinct names); three rules: same name without legal form, similar name ≥ 0.7, same phone");

        var index = Stopwatch.StartNew();
        await ApplyAsync(provider, Customer(rules: false, uniqueCode: true));
        index.Stop();
        var keys = Stopwatch.StartNew();
        await ApplyAsync(provider, Customer(rules: true, uniqueCode: true));
        keys.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    keys built when the rules are added: {keys.Elapsed.TotalSeconds:F1} s; making the code unique (baseline): {index.Elapsed.TotalSeconds:F2} s; ratio {keys.Elapsed / index.Elapsed:F1}"));

        // What people type: an existing name with another legal form (an exact match), with one character wrong (similar), a new name.
        var random = new Random(7);
        var typed = Enumerable.Range(0, 300).Select(i =>
        {
            var name = names[random.Next(names.Count)];
            var core = LegalForms.Aggregate(name, (n, form) => n.EndsWith(form, StringComparison.Ordinal) ? n[..^form.Length] : n);
            return (i % 3) switch
            {
                0 => core + "（" + LegalForms[random.Next(LegalForms.Length)] + "）",
                1 => core.Remove(core.Length / 2, 1).Insert(core.Length / 2, Syllables[random.Next(Syllables.Length)]) + LegalForms[0],
                _ => Cities[random.Next(Cities.Length)] + "新" + Syllables[random.Next(Syllables.Length)] + "湾" + Trades[random.Next(Trades.Length)] + LegalForms[1],
            };
        }).ToList();
        var actor = new Actor("bench", "bench");
        var matches = 0;
        var lookups = new List<double>();
        var checks = new List<double>();
        for (var round = 0; round < typed.Count; round++)
        {
            // Alternating, so that both see the same machine.
            var code = "K-" + random.Next(rows).ToString("D7", CultureInfo.InvariantCulture);
            var lookup = await TimeAsync(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                await using var reader = (await scope.ServiceProvider.GetRequiredService<RecordStore>().OpenReaderAsync("customer", actor))!;
                var page = await new RecordQuery(reader, RecordQueries.Parser(reader, "http://bench/odata/", [new("$filter", $"code eq '{code}'"), new("$top", "1")])).RunAsync(default);
                return page.Rows.Count;
            });
            var check = await TimeAsync(async () =>
            {
                await using var scope = provider.CreateAsyncScope();
                var found = await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().FindAsync("customer",
                    new Dictionary<string, object?> { ["name"] = typed[round], ["phone"] = Phone(random.Next(rows * 2)) }, null, actor);
                return found!.Count;
            });
            if (round >= 20)
            {
                lookups.Add(lookup.Ms);
                checks.Add(check.Ms);
                matches += check.Result;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    a customer by its code (baseline): p50 {Bench.Percentile(lookups, 50):F1} ms, p95 {Bench.Percentile(lookups, 95):F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    duplicates of a typed name and phone: p50 {Bench.Percentile(checks, 50):F1} ms, p95 {Bench.Percentile(checks, 95):F1} ms; ratio (p95) {Bench.Percentile(checks, 95) / Bench.Percentile(lookups, 95):F2}; {matches} matches in {checks.Count} checks; target p95 ≤ 50 ms"));
    }

    private static async Task<(double Ms, int Result)> TimeAsync(Func<Task<int>> run)
    {
        var watch = Stopwatch.StartNew();
        var result = await run();
        return (watch.Elapsed.TotalMilliseconds, result);
    }

    private static async Task ApplyAsync(IServiceProvider provider, EntityDefinition entity)
    {
        await using var scope = provider.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SchemaManager>().ApplyAsync(entity, "bench");
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors));
        }
    }

    private static EntityDefinition Customer(bool rules, bool uniqueCode) => new()
    {
        Name = "customer",
        Label = LocalizedText.Of("客户", "Customer"),
        Fields =
        [
            new() { Name = "code", Type = "text", Label = LocalizedText.Of("编号", "Code"), MaxLength = 20, Unique = uniqueCode },
            new() { Name = "name", Type = "text", Label = LocalizedText.Of("客户名称", "Name"), Required = true, MaxLength = 200 },
            new() { Name = "phone", Type = "phone", Label = LocalizedText.Of("电话", "Phone") },
        ],
        Duplicates = rules
            ?
            [
                new() { Name = "same_name", Label = LocalizedText.Of("客户名称相同", "Same name"), Fields = ["name"], CompanyName = true },
                new() { Name = "alike_name", Label = LocalizedText.Of("客户名称相似", "Similar name"), Fields = ["name"], Match = DuplicateRule.Similar, Threshold = 0.7, CompanyName = true },
                new() { Name = "same_phone", Label = LocalizedText.Of("电话相同", "Same phone"), Fields = ["phone"] },
            ]
            : null,
    };

    /// <summary>Company names as Chinese customers are called (city, a two-character brand, trade, legal form) — some repeat, as in life — and landline phones; setup, not measured.</summary>
    private static List<string> Load(string connectionString, int rows)
    {
        var random = new Random(42);
        var names = new List<string>(rows);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO e_customer (id, created_at, created_by, updated_at, updated_by, row_version, f_code, f_name, f_phone) VALUES ($id, $now, 'bench', $now, 'bench', 1, $code, $name, $phone)";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var now = command.Parameters.Add("$now", SqliteType.Text);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var name = command.Parameters.Add("$name", SqliteType.Text);
        var phone = command.Parameters.Add("$phone", SqliteType.Text);
        now.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            var company = Cities[random.Next(Cities.Length)] + Syllables[random.Next(Syllables.Length)] + Syllables[random.Next(Syllables.Length)]
                + Trades[random.Next(Trades.Length)] + LegalForms[random.Next(LegalForms.Length)];
            names.Add(company);
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            code.Value = "K-" + i.ToString("D7", CultureInfo.InvariantCulture);
            name.Value = company;
            phone.Value = Phone(i);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return names;
    }

    private static string Phone(int i) => string.Create(CultureInfo.InvariantCulture, $"0{10 + i % 90}-{60_000_000 + i * 7 % 39_999_999}");
}
