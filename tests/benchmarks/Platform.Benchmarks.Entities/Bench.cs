using System.Globalization;
using Microsoft.Data.Sqlite;
using Platform.Core.Metadata;

namespace Platform.Benchmarks.Entities;

/// <summary>The 20-field entity, its values, and a fast bulk loader for the query benchmark.</summary>
public static class Bench
{
    private static readonly string[] TextFields = ["t1", "t2", "t3", "t4"];
    private static readonly string[] NumberFields = ["n1", "n2", "n3"];
    private static readonly string[] MoneyFields = ["m1", "m2", "m3", "m4"];

    public static EntityDefinition Order20()
    {
        var fields = new List<FieldDefinition> { Field("code", "text", f => { f.Unique = true; f.MaxLength = 40; f.Required = true; }) };
        fields.AddRange(TextFields.Select(n => Field(n, "text")));
        fields.AddRange(NumberFields.Select(n => Field(n, "integer")));
        fields.AddRange(MoneyFields.Select(n => Field(n, "money")));
        fields.AddRange(new[] { "d1", "d2" }.Select(n => Field(n, "date")));
        fields.Add(Field("dt1", "datetime"));
        fields.AddRange(new[] { "b1", "b2" }.Select(n => Field(n, "boolean")));
        fields.AddRange(new[] { "c1", "c2" }.Select(n => Field(n, "choice", f => f.Choices = [new() { Value = "a" }, new() { Value = "b" }])));
        fields.Add(Field("e1", "email"));
        return new EntityDefinition { Name = "order20", Label = LocalizedText.Of("订单", "Order"), Fields = fields };
    }

    private static FieldDefinition Field(string name, string type, Action<FieldDefinition>? configure = null)
    {
        var field = new FieldDefinition { Name = name, Type = type, Label = LocalizedText.Of(name, name) };
        configure?.Invoke(field);
        return field;
    }

    public static Dictionary<string, object?> Values(int i) => new()
    {
        ["code"] = Code(i), ["t1"] = "text one", ["t2"] = "text two", ["t3"] = "文本", ["t4"] = "four",
        ["n1"] = (long)i, ["n2"] = 42L, ["n3"] = -7L,
        ["m1"] = 19.99m, ["m2"] = 1234.5m, ["m3"] = 0.01m, ["m4"] = i * 1.25m,
        ["d1"] = new DateOnly(2026, 3, 5), ["d2"] = new DateOnly(2025, 12, 31), ["dt1"] = DateTimeOffset.UtcNow,
        ["b1"] = true, ["b2"] = false, ["c1"] = "a", ["c2"] = "b", ["e1"] = "buyer@example.com",
    };

    public static HandWrittenOrder HandWritten(int i) => new()
    {
        Id = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "bench", UpdatedAt = DateTimeOffset.UtcNow, UpdatedBy = "bench",
        OwnerId = "bench", RowVersion = 1,
        Code = Code(i), T1 = "text one", T2 = "text two", T3 = "文本", T4 = "four", N1 = i, N2 = 42, N3 = -7,
        M1 = 19.99m, M2 = 1234.5m, M3 = 0.01m, M4 = i * 1.25m, D1 = new DateOnly(2026, 3, 5), D2 = new DateOnly(2025, 12, 31),
        Dt1 = DateTimeOffset.UtcNow, B1 = true, B2 = false, C1 = "a", C2 = "b", E1 = "buyer@example.com",
    };

    private static string Code(int i) => "A-" + i.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>Loads rows with codes C-0000000… straight through SQLite (setup, not measured).</summary>
    public static void BulkLoad(string connectionString, string table, int rows, bool engineColumns)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = engineColumns
            ? $"INSERT INTO {table} (id, created_at, created_by, updated_at, updated_by, row_version, f_code, f_t1, f_n1, f_m1, f_d1, f_b1, f_c1) VALUES ($id, $now, 'bench', $now, 'bench', 1, $code, 'text', $n, 19.99, '2026-03-05', 1, 'a')"
            : $"INSERT INTO {table} (Id, CreatedAt, CreatedBy, UpdatedAt, UpdatedBy, RowVersion, Code, T1, N1, M1, D1, B1, C1) VALUES ($id, $now, 'bench', $now, 'bench', 1, $code, 'text', $n, 19.99, '2026-03-05', 1, 'a')";
        var id = command.Parameters.Add("$id", SqliteType.Text);
        var now = command.Parameters.Add("$now", SqliteType.Text);
        var code = command.Parameters.Add("$code", SqliteType.Text);
        var n = command.Parameters.Add("$n", SqliteType.Integer);
        now.Value = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
        command.Prepare();
        for (var i = 0; i < rows; i++)
        {
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            code.Value = "C-" + i.ToString("D7", CultureInfo.InvariantCulture);
            n.Value = i;
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>The milliseconds of <paramref name="runs"/> runs after <paramref name="warmUp"/> unmeasured ones.</summary>
    public static async Task<List<double>> TimeAsync(int warmUp, int runs, Func<Task<int>> run)
    {
        var times = new List<double>();
        for (var i = 0; i < warmUp + runs; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await run();
            if (i >= warmUp)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    public static double Percentile(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }
}
