using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>
/// Modules take part in record saves as handlers: they run in their order, may refuse a save before
/// anything is written (a duplicate check) or after (a posting that does not balance), and a refusal
/// leaves nothing behind — no row, no audit entry, no auto-number drawn.
/// </summary>
public sealed class RecordSaveHandlerTests
{
    private static readonly Actor Clerk = new("u-clerk", "clerk");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Customer() => new()
    {
        Name = "customer",
        Label = LocalizedText.Of("客户", "Customer"),
        Fields =
        [
            EntitySamples.Field("number", "autoNumber", "编号", "Number", f => f.Format = "C-{####}"),
            EntitySamples.Field("name", "text", "名称", "Name"),
            EntitySamples.Field("phone", "phone", "电话", "Phone"),
        ],
    };

    /// <summary>Refuses a new customer whose phone another customer has (what a CRM duplicate check does), and notes when it was asked.</summary>
    private sealed class DuplicatePhones(HandlerLog log) : IRecordSaveHandler
    {
        public int Order => 10;

        public async Task<IReadOnlyList<RecordFieldError>> SavingAsync(SavedRecords change, CancellationToken cancellationToken)
        {
            log.Calls.Add($"duplicates:{change.Kind}");
            var phone = change.Records[0].Record["phone"] as string;
            return change.Kind == RecordChangeKinds.Created && phone is not null && log.PhonesSeen.Contains(phone) ? [new("phone", $"{phone} belongs to another customer.")] : [];
        }

        public Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
        {
            log.Calls.Add($"duplicates saved:{change.Kind}");
            if (change.Records[0].Record["phone"] is string phone)
            {
                log.PhonesSeen.Add(phone);
            }

            return Task.FromResult<IReadOnlyList<RecordFieldError>>([]);
        }
    }

    /// <summary>Registered first but ordered after the duplicate check; refuses after the rows are written when told to.</summary>
    private sealed class Posting(HandlerLog log) : IRecordSaveHandler
    {
        public int Order => 20;

        public Task<IReadOnlyList<RecordFieldError>> SavingAsync(SavedRecords change, CancellationToken cancellationToken)
        {
            log.Calls.Add($"posting:{change.Kind}:{change.Records[0].Previous?["name"]}");
            return Task.FromResult<IReadOnlyList<RecordFieldError>>([]);
        }

        public Task<IReadOnlyList<RecordFieldError>> SavedAsync(SavedRecords change, CancellationToken cancellationToken)
        {
            log.Calls.Add($"posting saved:{change.Kind}");
            return Task.FromResult<IReadOnlyList<RecordFieldError>>(change.Records[0].Record["name"] as string == "unbalanced" ? [new(null, "The posting does not balance.")] : []);
        }
    }

    private sealed class HandlerLog
    {
        public List<string> Calls { get; } = [];

        public HashSet<string> PhonesSeen { get; } = [];
    }

    private static async Task<(PlatformHost Host, HandlerLog Log)> StartAsync(string provider)
    {
        var log = new HandlerLog();
        var host = await PlatformHost.StartAsync(provider, services =>
        {
            services.AddSingleton(log);
            services.AddScoped<IRecordSaveHandler, Posting>();
            services.AddScoped<IRecordSaveHandler, DuplicatePhones>();
        });
        Assert.True((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Customer(), "admin"))).Succeeded);
        return (host, log);
    }

    private static Task<RecordResult> CreateAsync(PlatformHost host, string name, string phone) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("customer", new Dictionary<string, object?> { ["name"] = name, ["phone"] = phone }, Clerk));

    private static Task<int> CountAsync(PlatformHost host) => host.InScopeAsync(async s =>
    {
        await using var customers = await s.GetRequiredService<RecordStore>().OpenReaderAsync("customer");
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(customers!.Live);
    });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Handlers_run_in_their_order_before_and_after_the_rows_are_written(string provider)
    {
        var (host, log) = await StartAsync(provider);
        await using var _ = host;

        var created = await CreateAsync(host, "华东贸易", "021-5555-0101");
        var id = (Guid)created.Record!["id"]!;
        await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().UpdateAsync("customer", id, 1, new Dictionary<string, object?> { ["name"] = "华东贸易有限公司" }, Clerk));

        Assert.Equal(
            ["duplicates:created", "posting:created:", "duplicates saved:created", "posting saved:created",
             "duplicates:updated", "posting:updated:华东贸易", "duplicates saved:updated", "posting saved:updated"],
            log.Calls);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_handler_refusing_before_the_write_keeps_nothing_and_draws_no_number(string provider)
    {
        var (host, log) = await StartAsync(provider);
        await using var _ = host;
        Assert.True((await CreateAsync(host, "华东贸易", "021-5555-0101")).Succeeded);

        var duplicate = await CreateAsync(host, "华东贸易 (2)", "021-5555-0101");
        var next = await CreateAsync(host, "华南物流", "020-5555-0202");

        Assert.Equal(RecordOutcome.Invalid, duplicate.Outcome);
        Assert.Equal(("phone", "021-5555-0101 belongs to another customer."), (duplicate.Errors.Single().Field, duplicate.Errors.Single().Message));
        Assert.Equal(["duplicates:created", "duplicates:created", "posting:created:"], log.Calls[4..7]); // the refused one went no further
        Assert.Equal(2, await CountAsync(host));
        Assert.Equal("C-0002", next.Record!["number"]);
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("customer"));
        Assert.Equal(2, trail.Count(a => a.Action == "create"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_handler_refusing_after_the_write_undoes_the_whole_save(string provider)
    {
        var (host, _) = await StartAsync(provider);
        await using var _host = host;

        var refused = await CreateAsync(host, "unbalanced", "010-5555-0303");
        var next = await CreateAsync(host, "华北建材", "010-5555-0404");

        Assert.Equal(RecordOutcome.Invalid, refused.Outcome);
        Assert.Equal("The posting does not balance.", refused.Errors.Single().Message);
        Assert.Equal(1, await CountAsync(host));
        Assert.Equal("C-0001", next.Record!["number"]);
    }
}
