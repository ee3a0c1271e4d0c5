using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Lookups refer to live records of their target, and deleting a target follows each lookup's rule.</summary>
public sealed class LookupTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Entity(string name, params FieldDefinition[] fields) =>
        new() { Name = name, Label = LocalizedText.Of(name, name), Fields = [EntitySamples.Field("title", "text", "标题", "Title"), .. fields] };

    private static FieldDefinition Lookup(string name, string target, string? onDelete = null) =>
        EntitySamples.Field(name, "lookup", name, name, f => { f.Target = target; f.OnDelete = onDelete; });

    private static async Task<PlatformHost> CrmAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var files = new[]
        {
            Entity("customer", Lookup("parent", "customer", LookupDeleteRules.SetNull)),
            Entity("order", Lookup("customer", "customer")),
            Entity("contact", Lookup("customer", "customer", LookupDeleteRules.Cascade)),
            Entity("visit", Lookup("contact", "contact", LookupDeleteRules.Cascade)),
        }.Select(e => new AppPackageFile($"entities/{e.Name}.json", MetadataJson.Write(e))).ToList();
        var report = await host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(files, "admin"));
        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        return host;
    }

    private static async Task<Guid> CreateAsync(PlatformHost host, string entity, Dictionary<string, object?> values)
    {
        var result = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync(entity, values, Admin));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (Guid)result.Record!["id"]!;
    }

    private static Task<RecordResult> DeleteAsync(PlatformHost host, string entity, Guid id) =>
        host.InScopeAsync(async s =>
        {
            var store = s.GetRequiredService<RecordStore>();
            var current = await store.GetAsync(entity, id);
            return await store.DeleteAsync(entity, id, (int)current!["rowVersion"]!, Admin);
        });

    private static Task<IReadOnlyDictionary<string, object?>?> GetAsync(PlatformHost host, string entity, Guid id, bool includeDeleted = false) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().GetAsync(entity, id, includeDeleted));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deleting_a_target_is_refused_while_restricting_lookups_point_at_it(string provider)
    {
        await using var host = await CrmAsync(provider);
        var acme = await CreateAsync(host, "customer", new() { ["title"] = "Acme" });
        var order = await CreateAsync(host, "order", new() { ["title"] = "SO-1", ["customer"] = acme.ToString() });

        var refused = await DeleteAsync(host, "customer", acme);
        Assert.Equal(RecordOutcome.Invalid, refused.Outcome);
        Assert.Contains("1 order", refused.Errors.Single().Message, StringComparison.Ordinal);
        Assert.NotNull(await GetAsync(host, "customer", acme));

        Assert.True((await DeleteAsync(host, "order", order)).Succeeded);
        Assert.True((await DeleteAsync(host, "customer", acme)).Succeeded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Cascade_deletes_referring_records_down_the_chain_and_set_null_empties_lookups(string provider)
    {
        await using var host = await CrmAsync(provider);
        var group = await CreateAsync(host, "customer", new() { ["title"] = "Group" });
        var branch = await CreateAsync(host, "customer", new() { ["title"] = "Branch", ["parent"] = group.ToString() });
        var contact = await CreateAsync(host, "contact", new() { ["title"] = "张三", ["customer"] = group.ToString() });
        var visit = await CreateAsync(host, "visit", new() { ["title"] = "拜访", ["contact"] = contact.ToString() });

        var deleted = await DeleteAsync(host, "customer", group);

        Assert.True(deleted.Succeeded, string.Join("; ", deleted.Errors));
        Assert.Null(await GetAsync(host, "contact", contact));
        Assert.Null(await GetAsync(host, "visit", visit));
        Assert.NotNull((await GetAsync(host, "visit", visit, includeDeleted: true))!["deletedAt"]);
        var orphan = await GetAsync(host, "customer", branch);
        Assert.Null(orphan!["parent"]);
        Assert.Equal(2, orphan["rowVersion"]);
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("customer", branch));
        Assert.Contains(trail, a => a is { Action: "update", Field: "parent", NewValue: null } && a.OldValue == group.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_lookup_must_name_a_live_record_of_its_target(string provider)
    {
        await using var host = await CrmAsync(provider);
        var gone = await CreateAsync(host, "customer", new() { ["title"] = "Gone" });
        Assert.True((await DeleteAsync(host, "customer", gone)).Succeeded);

        foreach (var value in new object?[] { Guid.NewGuid().ToString(), gone.ToString(), "not-an-id", 42L })
        {
            var result = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("order", new Dictionary<string, object?> { ["title"] = "x", ["customer"] = value }, Admin));
            Assert.Equal(RecordOutcome.Invalid, result.Outcome);
            Assert.Equal("customer", result.Errors.Single().Field);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_lookup_to_an_unknown_entity_is_refused_with_its_path(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var unknown = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Entity("order", Lookup("customer", "customer")), "admin"));
        var malformed = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Entity("order", Lookup("x", "select"), EntitySamples.Field("y", "text", "y", "y", f => f.Target = "customer")), "admin"));

        Assert.Equal("$.fields[1].target", unknown.Errors.Single().Path);
        Assert.Contains("no entity named 'customer'", unknown.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Equal(["$.fields[1].target", "$.fields[2].target"], malformed.Errors.Select(e => e.Path));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Lookups_are_guids_in_odata_and_filterable(string provider)
    {
        await using var host = await CrmAsync(provider);
        var acme = await CreateAsync(host, "customer", new() { ["title"] = "Acme" });
        var other = await CreateAsync(host, "customer", new() { ["title"] = "Other" });
        await CreateAsync(host, "order", new() { ["title"] = "SO-1", ["customer"] = acme.ToString() });
        await CreateAsync(host, "order", new() { ["title"] = "SO-2", ["customer"] = other.ToString() });
        var client = await host.CreateAdminClientAsync();

        var orders = await client.GetFromJsonAsync<JsonElement>($"/odata/order?$filter=customer eq {acme}");
        var metadata = await client.GetStringAsync("/odata/$metadata");

        Assert.Equal(["SO-1"], orders.GetProperty("value").EnumerateArray().Select(o => o.GetProperty("title").GetString()));
        Assert.Contains("<Property Name=\"customer\" Type=\"Edm.Guid\" />", metadata, StringComparison.Ordinal);
    }
}
