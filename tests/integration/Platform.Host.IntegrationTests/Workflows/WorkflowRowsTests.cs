using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn.Storage;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// The prepared statements a workflow step reads and writes with store and read values exactly as EF
/// Core does, on every database: what one writes, the other reads back unchanged.
/// </summary>
public sealed class WorkflowRowsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_instance_written_by_EF_reads_back_whole_and_one_written_by_hand_reads_back_in_EF(string provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        await using var host = await PlatformHost.StartAsync(provider);
        var full = Instance(ended: new DateTimeOffset(2026, 11, 24, 9, 30, 15, 123, TimeSpan.Zero), record: Guid.NewGuid(), parent: Guid.NewGuid(), error: "步骤失败 step failed");
        var bare = Instance(ended: null, record: null, parent: null, error: null);
        await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            db.WorkflowInstances.Add(full);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await WorkflowRows.InsertAsync(db, [bare], CancellationToken.None);
            Assert.Equivalent(full, await WorkflowRows.InstanceAsync(db, full.Id, CancellationToken.None), strict: true);
            Assert.Null(await WorkflowRows.InstanceAsync(db, Guid.NewGuid(), CancellationToken.None));

            // Changed by hand, guarded by the row version: a second writer with the old version changes nothing.
            full.State = """{"tokens":[]}""";
            full.RowVersion = 8;
            Assert.True(await WorkflowRows.UpdateInstanceAsync(db, full, previousVersion: 7, CancellationToken.None));
            Assert.False(await WorkflowRows.UpdateInstanceAsync(db, full, previousVersion: 7, CancellationToken.None));
            await transaction.CommitAsync();
            return true;
        });

        var stored = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.AsNoTracking().OrderBy(i => i.ProcessKey).ToListAsync());
        Assert.Equivalent(bare, stored.Single(i => i.Id == bare.Id), strict: true);
        Assert.Equivalent(full, stored.Single(i => i.Id == full.Id), strict: true);
    }

    private static WorkflowInstance Instance(DateTimeOffset? ended, Guid? record, Guid? parent, string? error) => new()
    {
        Id = Guid.NewGuid(), DefinitionId = 1, ProcessKey = record is null ? "bare" : "full", Version = 3, Status = ended is null ? WorkflowStatus.Running : WorkflowStatus.Completed,
        Entity = record is null ? null : "sales_order", RecordId = record, Initiator = "alice", StartedAt = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),
        EndedAt = ended, ParentId = parent, State = """{"tokens":[{"id":"t1","nodeId":"approve"}],"variables":{"amount":60000}}""", Error = error, RowVersion = 7,
        LocksRecord = record is not null,
    };
}
