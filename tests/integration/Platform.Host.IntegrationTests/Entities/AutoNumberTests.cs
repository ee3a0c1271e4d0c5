using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Auto-numbers (SO-{yyyy}{MM}-{#####}) are unique and gap-free, even with many writers at once.</summary>
public sealed class AutoNumberTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Order() => new()
    {
        Name = "sales_order",
        Label = LocalizedText.Of("销售订单", "Sales order"),
        Fields =
        [
            EntitySamples.Field("number", "autoNumber", "SO 单号", "Order number", f => f.Format = "SO-{yyyy}{MM}-{#####}"),
            EntitySamples.Field("title", "text", "标题", "Title"),
        ],
    };

    private static Task<RecordResult> CreateAsync(PlatformHost host, string title) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("sales_order", new Dictionary<string, object?> { ["title"] = title }, Admin));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Eight_concurrent_writers_get_unique_consecutive_numbers(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Order(), "admin"))).Succeeded);
        var first = await CreateAsync(host, "first");
        var prefix = $"SO-{DateTime.Now.ToString("yyyyMM", CultureInfo.InvariantCulture)}-";

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var numbers = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                var result = await CreateAsync(host, $"w{writer}-{i}");
                Assert.True(result.Succeeded, string.Join("; ", result.Errors));
                numbers.Add((string)result.Record!["number"]!);
            }

            return numbers;
        })));

        Assert.Equal(prefix + "00001", first.Record!["number"]);
        var all = results.SelectMany(n => n).ToList();
        Assert.Equal(80, all.Distinct().Count());
        Assert.Equal(Enumerable.Range(2, 80).Select(n => prefix + n.ToString("D5", CultureInfo.InvariantCulture)), all.Order(StringComparer.Ordinal));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_number_cannot_be_typed_in_and_a_bad_format_is_refused(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Order(), "admin"));
        var badFormat = Order();
        badFormat.Name = "other";
        badFormat.Fields[0].Format = "SO-{week}";

        var typed = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("sales_order", new Dictionary<string, object?> { ["number"] = "SO-1" }, Admin));
        var refused = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(badFormat, "admin"));

        Assert.Equal("number", typed.Errors.Single().Field);
        Assert.Equal("$.fields[0].format", refused.Errors.Single().Path);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Numbers_of_a_batch_and_of_a_renamed_entity_continue_the_sequence(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Order(), "admin"))).Succeeded);
        var prefix = $"SO-{DateTime.Now.ToString("yyyyMM", CultureInfo.InvariantCulture)}-";
        await CreateAsync(host, "first");

        var batch = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateManyAsync("sales_order",
            [new Dictionary<string, object?> { ["title"] = "a" }, new Dictionary<string, object?> { ["title"] = "b" }], Admin));
        var renamed = await host.InScopeAsync(async s =>
        {
            var schemas = s.GetRequiredService<SchemaManager>();
            var document = MetadataJson.Copy((await schemas.LoadSchemaAsync()).Find("sales_order")!);
            document.Name = "order";
            return await schemas.ApplyAsync(document, "admin", renames: "sales_order");
        });
        var after = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("order", new Dictionary<string, object?> { ["title"] = "after" }, Admin));

        Assert.Equal([prefix + "00002", prefix + "00003"], batch.Select(r => (string)r.Record!["number"]!));
        Assert.True(renamed.Succeeded, string.Join("; ", renamed.Errors));
        Assert.Equal(prefix + "00004", after.Record!["number"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Numbers_that_may_skip_keep_no_save_waiting_behind_a_long_change_and_numbers_without_gaps_do(string provider)
    {
        Skip.If(provider == "Sqlite", "On SQLite every save waits for the one transaction that writes, whatever its numbers: nothing to compare.");
        await using var host = await PlatformHost.StartAsync(provider);
        EntityDefinition Numbered(string name, string format, bool allowGaps) => new()
        {
            Name = name, Label = LocalizedText.Of(name, name),
            Fields =
            [
                EntitySamples.Field("number", "autoNumber", "编号", "Number", f => (f.Format, f.AllowGaps) = (format, allowGaps)),
                EntitySamples.Field("title", "text", "标题", "Title"),
            ],
        };
        foreach (var entity in new[] { Numbered("lead_card", "L-{#####}", allowGaps: true), Numbered("invoice", "INV-{#####}", allowGaps: false) })
        {
            Assert.True((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(entity, "admin"))).Succeeded);
        }

        Task<RecordResult> CreateAsync(string entity, string title) =>
            host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, new Dictionary<string, object?> { ["title"] = title }, Admin));

        // A long change (an import's chunk) has drawn a number of each and not committed yet.
        await using var change = host.Services.CreateAsyncScope();
        var transaction = await change.ServiceProvider.GetRequiredService<Platform.Data.PlatformDbContext>().Database.BeginTransactionAsync();
        foreach (var entity in new[] { "lead_card", "invoice" })
        {
            Assert.True((await change.ServiceProvider.GetRequiredService<RecordStore>().CreateAsync(entity, new Dictionary<string, object?> { ["title"] = "imported" }, Admin)).Succeeded);
        }

        var card = CreateAsync("lead_card", "typed by hand");
        Assert.Same(card, await Task.WhenAny(card, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.Equal("L-00002", (await card).Record!["number"]);
        var invoice = CreateAsync("invoice", "typed by hand");
        Assert.NotSame(invoice, await Task.WhenAny(invoice, Task.Delay(TimeSpan.FromSeconds(2)))); // waits: its number must follow the change's

        await transaction.RollbackAsync();

        Assert.Equal("INV-00001", (await invoice).Record!["number"]); // the undone change's number is used again: no gap
        Assert.Equal("L-00003", (await CreateAsync("lead_card", "next")).Record!["number"]); // L-00001 went with the undone change: a gap
        await transaction.DisposeAsync();
    }
}
