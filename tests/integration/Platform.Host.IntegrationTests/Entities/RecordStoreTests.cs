using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>The one record service behind API, UI and workflows: typed values, checks, concurrency, recycle bin, audit.</summary>
public sealed class RecordStoreTests
{
    private static readonly Actor Alice = new("u-alice", "alice", "d-sales");
    private static readonly Actor Bob = new("u-bob", "bob");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<PlatformHost> HostWithProductAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var created = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        return host;
    }

    private static Dictionary<string, object?> Json(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToDictionary(p => p.Key, p => (object?)p.Value);

    private static Task<T> WithStore<T>(PlatformHost host, Func<RecordStore, Task<T>> work) =>
        host.InScopeAsync(s => work(s.GetRequiredService<RecordStore>()));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_field_type_round_trips_with_its_exact_value(string provider)
    {
        await using var host = await HostWithProductAsync(provider);

        var created = await WithStore(host, s => s.CreateAsync("product", Json("""
            {
              "code": "SW-001", "name": "羊毛衫", "notes": "第一行\n第二行", "stock": 9007199254740993,
              "weight": 0.125, "price": 123456789012345.6789, "discount": 0.15, "launched": "2026-03-05",
              "reviewedAt": "2026-03-05T10:30:00+08:00", "active": true, "status": "sale",
              "supportEmail": "service@example.com", "hotline": "+86 21 1234-5678", "homepage": "https://example.com/shop"
            }
            """), Alice));

        Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        var id = (Guid)created.Record!["id"]!;
        var read = await WithStore(host, s => s.GetAsync("product", id));
        Assert.NotNull(read);
        Assert.Equal("羊毛衫", read["name"]);
        Assert.Equal("第一行\n第二行", read["notes"]);
        Assert.Equal(9007199254740993L, read["stock"]);
        Assert.Equal(0.125m, read["weight"]);
        Assert.Equal(123456789012345.6789m, read["price"]);
        Assert.Equal(0.15m, read["discount"]);
        Assert.Equal(new DateOnly(2026, 3, 5), read["launched"]);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 2, 30, 0, TimeSpan.Zero), read["reviewedAt"]);
        Assert.Equal(true, read["active"]);
        Assert.Equal("sale", read["status"]);
        Assert.Equal("u-alice", read["ownerId"]);
        Assert.Equal("d-sales", read["departmentId"]);
        Assert.Equal(1, read["rowVersion"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_bad_value_is_reported_at_once_against_its_field_and_nothing_is_written(string provider)
    {
        await using var host = await HostWithProductAsync(provider);

        var result = await WithStore(host, s => s.CreateAsync("product", Json("""
            {
              "name": "x", "notes": 5, "stock": -1, "weight": 1.23456, "price": "lots", "launched": "2026年3月5日",
              "active": "yes", "status": "gone", "supportEmail": "nobody", "homepage": "javascript:alert(1)",
              "hotline": "call me", "colour": "red", "rowVersion": 7
            }
            """), Alice));

        Assert.Equal(RecordOutcome.Invalid, result.Outcome);
        var fields = result.Errors.Select(e => e.Field).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["active", "code", "colour", "homepage", "hotline", "launched", "notes", "price", "rowVersion", "status", "stock", "supportEmail", "weight"], fields);
        Assert.Empty(await WithStore(host, s => s.AuditTrailAsync("product")));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_unique_value_cannot_be_used_twice(string provider)
    {
        await using var host = await HostWithProductAsync(provider);
        await WithStore(host, s => s.CreateAsync("product", Json("""{ "code": "P-1" }"""), Alice));

        var second = await WithStore(host, s => s.CreateAsync("product", Json("""{ "code": "P-1" }"""), Bob));

        Assert.Equal(RecordOutcome.Invalid, second.Outcome);
        Assert.Equal("code", second.Errors.Single().Field);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_stale_row_version_is_a_conflict_and_overwrites_nothing(string provider)
    {
        await using var host = await HostWithProductAsync(provider);
        var id = (Guid)(await WithStore(host, s => s.CreateAsync("product", Json("""{ "code": "P-1", "name": "first" }"""), Alice))).Record!["id"]!;
        var bobSaves = await WithStore(host, s => s.UpdateAsync("product", id, 1, Json("""{ "name": "Bob's" }"""), Bob));

        var aliceSaves = await WithStore(host, s => s.UpdateAsync("product", id, 1, Json("""{ "name": "Alice's" }"""), Alice));

        Assert.True(bobSaves.Succeeded);
        Assert.Equal(RecordOutcome.Conflict, aliceSaves.Outcome);
        var read = await WithStore(host, s => s.GetAsync("product", id));
        Assert.Equal("Bob's", read!["name"]);
        Assert.Equal(2, read["rowVersion"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Of_two_simultaneous_saves_of_one_version_exactly_one_wins(string provider)
    {
        await using var host = await HostWithProductAsync(provider);
        var id = (Guid)(await WithStore(host, s => s.CreateAsync("product", Json("""{ "code": "P-1" }"""), Alice))).Record!["id"]!;

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            WithStore(host, s => s.UpdateAsync("product", id, 1, Json($$"""{ "name": "writer {{i}}" }"""), Alice))));

        Assert.Equal(1, results.Count(r => r.Succeeded));
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.True(r.Outcome == RecordOutcome.Conflict, string.Join("; ", r.Errors)));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Deleted_records_go_to_the_recycle_bin_and_come_back_and_the_audit_trail_tells_all(string provider)
    {
        await using var host = await HostWithProductAsync(provider);
        var id = (Guid)(await WithStore(host, s => s.CreateAsync("product", Json("""{ "code": "P-1", "price": 10 }"""), Alice))).Record!["id"]!;
        await WithStore(host, s => s.UpdateAsync("product", id, 1, Json("""{ "price": 12.5, "name": "新名" }"""), Bob));

        var deleted = await WithStore(host, s => s.DeleteAsync("product", id, 2, Bob));
        var hidden = await WithStore(host, s => s.GetAsync("product", id));
        var inBin = await WithStore(host, s => s.GetAsync("product", id, includeDeleted: true));
        var restored = await WithStore(host, s => s.RestoreAsync("product", id, 3, Alice));

        Assert.True(deleted.Succeeded);
        Assert.Null(hidden);
        Assert.NotNull(inBin!["deletedAt"]);
        Assert.True(restored.Succeeded);
        Assert.Null((await WithStore(host, s => s.GetAsync("product", id)))!["deletedAt"]);
        var trail = await WithStore(host, s => s.AuditTrailAsync("product", id));
        Assert.Equal(["create", "update", "update", "delete", "restore"], trail.Select(a => a.Action));
        Assert.Equal("""{"code":"P-1","price":"10"}""", trail[0].NewValue);
        var priceChange = trail.Single(a => a.Action == "update" && a.Field == "price");
        Assert.Equal(("10", "12.5", "bob"), (priceChange.OldValue, priceChange.NewValue, priceChange.UserName));
        Assert.Contains(trail, a => a is { Action: "update", Field: "name", OldValue: null, NewValue: "新名" });
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_unknown_entity_or_record_is_reported_not_thrown(string provider)
    {
        await using var host = await HostWithProductAsync(provider);

        var unknownEntity = await WithStore(host, s => s.CreateAsync("ghost", Json("{}"), Alice));
        var unknownRecord = await WithStore(host, s => s.UpdateAsync("product", Guid.NewGuid(), 1, Json("{}"), Alice));

        Assert.Equal(RecordOutcome.UnknownEntity, unknownEntity.Outcome);
        Assert.Equal(RecordOutcome.NotFound, unknownRecord.Outcome);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task User_and_department_fields_take_existing_accounts_and_departments_only(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var entity = new Platform.Core.Metadata.EntityDefinition
        {
            Name = "visit",
            Label = Platform.Core.Metadata.LocalizedText.Of("拜访", "Visit"),
            Fields = [EntitySamples.Field("rep", "user", "业务员", "Sales rep"), EntitySamples.Field("team", "department", "部门", "Team")],
        };
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(entity, "admin"));
        var userId = await Accounts.CreateUserAsync(host, "rep", "Rep-passw0rd1");
        var departmentId = await Accounts.CreateDepartmentAsync(host, "华东区");

        var good = await WithStore(host, s => s.CreateAsync("visit", new Dictionary<string, object?> { ["rep"] = userId, ["team"] = departmentId }, Alice));
        var bad = await WithStore(host, s => s.CreateAsync("visit", new Dictionary<string, object?> { ["rep"] = "nobody", ["team"] = "nowhere" }, Alice));

        Assert.True(good.Succeeded, string.Join("; ", good.Errors));
        Assert.Equal(userId, good.Record!["rep"]);
        Assert.Equal(["rep", "team"], bad.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));

        // The owner and department of a record follow the same rules.
        var handedOver = await WithStore(host, s => s.CreateAsync("visit", new Dictionary<string, object?> { ["ownerId"] = userId, ["departmentId"] = departmentId }, Alice));
        var badOwner = await WithStore(host, s => s.CreateAsync("visit", Json("""{ "ownerId": "nobody", "departmentId": 7 }"""), Alice));
        Assert.True(handedOver.Succeeded, string.Join("; ", handedOver.Errors));
        Assert.Equal((userId, departmentId), ((string)handedOver.Record!["ownerId"]!, (string)handedOver.Record["departmentId"]!));
        Assert.Equal(["departmentId", "ownerId"], badOwner.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
