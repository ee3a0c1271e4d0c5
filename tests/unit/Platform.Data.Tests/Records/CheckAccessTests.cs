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

    private async Task<RecordResult?> ChangeAsync(Actor actor, Dictionary<string, object> row, int expected = 3, params IRecordSaveHandler[] handlers) =>
        (await AccessAsync(actor, row, expected, RecordAction.Update, handlers)).Refused;

    private Task<ChangeAccess> AccessAsync(Actor actor, Dictionary<string, object> row, int expected, RecordAction action, params IRecordSaveHandler[] handlers) =>
        new CheckAccess(handlers, Bench.Text).CheckChangeAsync(Bench.Records.Schema, Bench.Entity("order"), row, expected, action, actor, CancellationToken.None);

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

    [Fact]
    public async Task A_hold_that_lets_some_fields_be_changed_allows_an_update_of_those_even_without_the_right_but_never_a_delete()
    {
        var approver = SaveCheckBench.Person("manager", "sales", (RecordAction.Read, RecordScope.All));
        var step = new HoldingHandler("Waiting for approval", "total");

        var update = await AccessAsync(approver, OrderOf("seller"), 3, RecordAction.Update, step);
        var delete = await AccessAsync(approver, OrderOf("seller"), 3, RecordAction.Delete, step);
        var stale = await AccessAsync(approver, OrderOf("seller", version: 4), 3, RecordAction.Update, step);

        Assert.Null(update.Refused);
        Assert.Equal(["total"], update.Only!);
        Assert.Equal(RecordOutcome.Forbidden, delete.Refused?.Outcome);
        Assert.Equal(RecordOutcome.Conflict, stale.Refused?.Outcome);
    }

    [Fact]
    public async Task A_change_allowed_to_some_fields_that_reaches_another_is_refused_naming_it()
    {
        var approver = SaveCheckBench.Person("manager", "sales", (RecordAction.Read, RecordScope.All));
        var check = new CheckAccess([new HoldingHandler("Waiting", "total")], Bench.Text);
        var access = await check.CheckChangeAsync(Bench.Records.Schema, Bench.Entity("order"), OrderOf("seller"), 3, RecordAction.Update, approver, CancellationToken.None);

        var within = check.RefuseOutside(access, Bench.Entity("order"), ["total"], [], Bench.Records.Schema);
        var beyond = check.RefuseOutside(access, Bench.Entity("order"), ["total", "customer"], [], Bench.Records.Schema);

        Assert.Null(within);
        Assert.Equal((RecordOutcome.Locked, "customer"), (beyond?.Outcome, Assert.Single(beyond!.Errors).Field));
    }

    /// <summary>A module's handler that holds every record (as an approval holds the record it is about), letting the fields given be changed.</summary>
    private sealed class HoldingHandler(string reason, params string[] editable) : IRecordSaveHandler
    {
        public Task<RecordHold?> HoldAsync(string entity, Guid id, Actor actor, CancellationToken cancellationToken) =>
            Task.FromResult<RecordHold?>(new RecordHold(reason, editable.ToHashSet(StringComparer.Ordinal)));
    }
}
