using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.RecordPages.Views;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// What list pages keep and do on the server: saved views (personal, shared for those who may define
/// entities, checked before they are kept) and bulk actions (owner, recycle bin) that go through the
/// record service one record at a time.
/// </summary>
public sealed class ListViewServiceTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly Actor Alice = new("alice-id", "alice");
    private static readonly Actor Bob = new("bob-id", "bob");

    private static ViewDefinition Big() => new()
    {
        Label = "大单",
        Columns = ["code", "price"],
        SortBy = "price",
        SortDescending = true,
        Conditions = [new ViewCondition { Field = "price", Operator = "ge", Value = "100" }],
    };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_personal_view_is_its_owners_alone_and_a_shared_one_is_everyones(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var views = host.Services.GetRequiredService<SavedViews>();

        var (mine, none) = await views.SaveAsync("product", null, Big(), shared: false, Alice, mayShare: false);
        Assert.Empty(none);
        var listed = Assert.Single(await views.ListAsync("product", Alice.UserId));
        Assert.Equal((mine, true, false), (listed.Id, listed.Mine, listed.Shared));
        Assert.Equal("100", Assert.Single(listed.Definition.Conditions).Value);
        Assert.True(listed.Definition.SortDescending);
        Assert.Empty(await views.ListAsync("product", Bob.UserId));

        // Sharing needs the right to define entities; so does changing a shared view.
        var (_, refused) = await views.SaveAsync("product", null, Big(), shared: true, Bob, mayShare: false);
        Assert.Equal("RecordPages.Views.Error.MayNotShare", Assert.Single(refused).Key);
        var (shared, _) = await views.SaveAsync("product", null, new ViewDefinition { Label = "在售", Conditions = [new() { Field = "status", Operator = "eq", Value = "sale" }] },
            shared: true, Bob, mayShare: true);
        Assert.Equal(["在售"], (await views.ListAsync("product", Bob.UserId)).Select(v => v.Definition.Label));
        Assert.Equal(["在售", "大单"], (await views.ListAsync("product", Alice.UserId)).Select(v => v.Definition.Label));
        Assert.False(await views.DeleteAsync(shared!.Value, Alice, mayShare: false));
        var (_, notYours) = await views.SaveAsync("product", mine, Big(), shared: false, Bob, mayShare: true);
        Assert.Equal("RecordPages.Views.Error.NotYours", Assert.Single(notYours).Key);

        Assert.True(await views.DeleteAsync(mine!.Value, Alice, mayShare: false));
        Assert.Equal(["在售"], (await views.ListAsync("product", Alice.UserId)).Select(v => v.Definition.Label));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_view_naming_missing_fields_or_bad_values_is_refused_with_every_reason(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var views = host.Services.GetRequiredService<SavedViews>();
        var bad = Big();
        bad.Columns.Add("ghost");
        bad.Conditions.Add(new ViewCondition { Field = "launched", Operator = "lt", Value = "2026年3月5日" });

        var (id, problems) = await views.SaveAsync("product", null, bad, shared: false, Alice, mayShare: false);

        Assert.Null(id);
        Assert.Equal(["RecordPages.Views.Error.NoField", "RecordPages.Views.Error.BadValue"], problems.Select(p => p.Key));
        Assert.Empty(await views.ListAsync("product", Alice.UserId));
        Assert.Equal("RecordPages.Views.Error.NoEntity", Assert.Single((await views.SaveAsync("nothing", null, Big(), false, Alice, false)).Problems).Key);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bulk_actions_give_records_a_new_owner_and_move_them_to_the_recycle_bin_each_through_the_record_service(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var seller = await Accounts.CreateUserAsync(host, "seller", "Seller-passw0rd");
        var admin = new Actor("admin", "admin");
        var ids = new List<Guid>();
        foreach (var code in new[] { "A-1", "A-2", "A-3" })
        {
            var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = code }, admin));
            ids.Add((Guid)created.Record![SystemFields.Id]!);
        }

        var bulk = host.Services.GetRequiredService<BulkActions>();
        var owned = await bulk.AssignOwnerAsync("product", ids[..2], seller, admin);
        Assert.Equal(2, owned.Done);
        Assert.Empty(owned.Problems);
        var owners = await host.InScopeAsync(async s =>
        {
            var store = s.GetRequiredService<RecordStore>();
            var found = new List<object?>();
            foreach (var id in ids)
            {
                found.Add((await store.GetAsync("product", id))![SystemFields.Owner]);
            }

            return found;
        });
        Assert.Equal([seller, seller, "admin"], owners);
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("product", ids[0]));
        Assert.Contains(trail, a => a.Field == SystemFields.Owner && a.NewValue == seller);

        // An owner that is nobody is refused per record, naming it; nothing changes.
        var refused = await bulk.AssignOwnerAsync("product", [ids[2]], "nobody", admin);
        Assert.Equal(0, refused.Done);
        Assert.StartsWith("A-3: ", Assert.Single(refused.Problems), StringComparison.Ordinal);

        var deleted = await bulk.DeleteAsync("product", ids[1..], admin);
        Assert.Equal(2, deleted.Done);
        var live = await host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("product"))!;
            return reader.Live.Count();
        });
        Assert.Equal(1, live);
    }
}
