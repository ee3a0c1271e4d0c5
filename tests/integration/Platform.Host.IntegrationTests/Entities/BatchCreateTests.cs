using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Many records at once (imports): each checked like one, all saved together or none.</summary>
public sealed class BatchCreateTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<IReadOnlyList<RecordResult>> CreateManyAsync(PlatformHost host, params Dictionary<string, object?>[] rows) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateManyAsync("product", rows, Admin));

    private static Task<int> CountAsync(PlatformHost host) =>
        host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("product"))!;
            return reader.Live.Count();
        });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_batch_is_saved_whole_with_an_audit_entry_per_record_or_not_at_all(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));

        var refused = await CreateManyAsync(host,
            new() { ["code"] = "P-1", ["stock"] = 5 },
            new() { ["code"] = "P-2", ["stock"] = -1 },
            new() { ["code"] = "P-3" });
        Assert.All(refused, r => Assert.False(r.Succeeded));
        Assert.Equal("stock", refused[1].Errors.Single().Field);
        Assert.Null(refused[0].Errors.Single().Field);
        Assert.Equal(0, await CountAsync(host));

        var duplicate = await CreateManyAsync(host, new() { ["code"] = "P-1" }, new() { ["code"] = "P-1" });
        Assert.All(duplicate, r => Assert.False(r.Succeeded));
        Assert.Equal(0, await CountAsync(host));

        var saved = await CreateManyAsync(host, new() { ["code"] = "P-1", ["name"] = "羊毛衫", ["price"] = 199.99m }, new() { ["code"] = "P-2" });
        Assert.All(saved, r => Assert.True(r.Succeeded));
        Assert.Equal(2, await CountAsync(host));
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("product", (Guid)saved[0].Record!["id"]!));
        var created = Assert.Single(trail);
        Assert.Equal("create", created.Action);
        Assert.Contains("\"price\":\"199.99\"", created.NewValue, StringComparison.Ordinal);
    }
}
