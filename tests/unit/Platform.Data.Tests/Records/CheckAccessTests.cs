using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class CheckAccessTests : SaveCheckTest
{
    private static Dictionary<string, object> OrderOf(string owner, int version = 3) => new()
    {
        [SystemFields.Id] = Guid.NewGuid(), [SystemFields.Owner] = owner, [SystemFields.Department] = "sales", [SystemFields.RowVersion] = version,
    };

    private Task<RecordResult?> ChangeAsync(Actor actor, Dictionary<string, object> row, int expected = 3, params IRecordSaveHandler[] handlers) =>
        new CheckAccess(handlers, Bench.Text).RefuseChangeAsync(Bench.Records.Schema, Bench.Entity("order"), row, expected, RecordAction.Update, actor, CancellationToken.None);

    [Fact]
    public void Creating_needs_the_right_to_create()
    {
        var access = new CheckAccess([], Bench.Text);

        Assert.Equal(RecordOutcome.Forbidden, access.RefuseCreate(Bench.Records.Schema, Bench.Entity("order"), SaveCheckBench.Person("reader", "sales", (RecordAction.Read, RecordScope.All)))?.Outcome);
        Assert.Null(access.RefuseCreate(Bench.Records.Schema, Bench.Entity("order"), SaveCheckBench.Person("seller", "sales", (RecordAction.Create, RecordScope.Own))));
    }

    [Fact]
    public async Task A_record_one_may_read_but_not_change_is_forbidden_and_one_one_may_not_read_is_not_found()
    {
        var seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Read, RecordScope.All), (RecordAction.Update, RecordScope.Own));
        var ownOnly = SaveCheckBench.Person("seller", "sales", (RecordAction.Read, RecordScope.Own), (RecordAction.Update, RecordScope.Own));

        Assert.Null(await ChangeAsync(seller, OrderOf("seller")));
        Assert.Equal(RecordOutcome.Forbidden, (await ChangeAsync(seller, OrderOf("colleague")))?.Outcome);
        Assert.Equal(RecordOutcome.NotFound, (await ChangeAsync(ownOnly, OrderOf("colleague")))?.Outcome);
    }

    [Fact]
    public async Task A_record_changed_since_it_was_read_is_a_conflict()
    {
        var seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Update, RecordScope.Own));

        Assert.Equal(RecordOutcome.Conflict, (await ChangeAsync(seller, OrderOf("seller", version: 4), expected: 3))?.Outcome);
    }

    [Fact]
    public async Task A_record_a_handler_holds_is_locked_for_people_with_the_handlers_reason_but_never_for_the_platform()
    {
        var seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Update, RecordScope.All));
        var approval = new HoldingHandler("Waiting for approval");

        var refused = await ChangeAsync(seller, OrderOf("seller"), 3, approval);
        var platform = await ChangeAsync(Actor.Platform, OrderOf("seller"), 3, approval);

        Assert.Equal((RecordOutcome.Locked, "Waiting for approval"), (refused?.Outcome, Assert.Single(refused!.Errors).Message));
        Assert.Null(platform);
    }

    /// <summary>A module's handler that holds every record (as an approval holds the record it is about).</summary>
    private sealed class HoldingHandler(string reason) : IRecordSaveHandler
    {
        public Task<string?> RefuseAsync(string entity, Guid id, Actor actor, CancellationToken cancellationToken) => Task.FromResult<string?>(reason);
    }
}
