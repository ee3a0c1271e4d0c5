using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Composite unique keys (组合排重): product code + name + spec.</summary>
public sealed class UniqueKeyTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Product(bool withKey)
    {
        var product = EntitySamples.Product();
        product.Field("code")!.Unique = false;
        product.Fields.Add(EntitySamples.Field("spec", "text", "规格", "Spec"));
        product.UniqueKeys = withKey ? [new UniqueKey { Name = "codeNameSpec", Fields = ["code", "name", "spec"] }] : null;
        return product;
    }

    private static Task<RecordResult> CreateAsync(PlatformHost host, string code, string name, string? spec) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product",
            new Dictionary<string, object?> { ["code"] = code, ["name"] = name, ["spec"] = spec }, Admin));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_repeated_combination_is_refused_and_any_difference_is_allowed(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Product(withKey: true), "admin"))).Succeeded);

        Assert.True((await CreateAsync(host, "SW-1", "羊毛衫", "M")).Succeeded);
        Assert.True((await CreateAsync(host, "SW-1", "羊毛衫", "L")).Succeeded);
        Assert.True((await CreateAsync(host, "SW-1", "羊毛衫", null)).Succeeded);
        Assert.True((await CreateAsync(host, "SW-1", "羊毛衫", null)).Succeeded); // empty spec: not compared
        var repeated = await CreateAsync(host, "SW-1", "羊毛衫", "M");

        Assert.Equal(RecordOutcome.Invalid, repeated.Outcome);
        Assert.Contains("SW-1 + 羊毛衫 + M", repeated.Errors.Single().Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_key_over_existing_duplicates_is_refused_whole_and_bad_keys_are_named(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Product(withKey: false), "admin"));
        await CreateAsync(host, "SW-1", "羊毛衫", "M");
        await CreateAsync(host, "SW-1", "羊毛衫", "M");
        var bad = Product(withKey: true);
        bad.UniqueKeys!.Add(new UniqueKey { Name = "broken", Fields = ["code", "nosuch"] });

        var refusedByDatabase = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Product(withKey: true), "admin"));
        var refusedByCheck = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(bad, "admin"));

        Assert.Contains("nothing was changed", refusedByDatabase.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal("$.uniqueKeys[1].fields[1]", refusedByCheck.Errors.Single().Path);
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("product")!.UniqueKeys);
    }
}
