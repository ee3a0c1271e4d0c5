using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Data.Records.Saving;

namespace Platform.Data.Tests.Records;

public sealed class CheckAssignmentTests : SaveCheckTest
{
    private async Task<RowSave> HandToAsync(Core.Security.Actor actor, string owner, string? department = null)
    {
        var save = Bench.NewOrder(actor, new Dictionary<string, object?> { [SystemFields.Owner] = owner });
        save.Row[SystemFields.Owner] = owner;
        if (department is not null)
        {
            save.Row[SystemFields.Department] = department;
        }

        await new CheckAssignment(Bench.Db, Bench.Text).CheckAsync(save, CancellationToken.None);
        return save;
    }

    [Fact]
    public async Task Someone_with_own_records_only_cannot_hand_a_new_record_to_a_colleague()
    {
        var seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Create, RecordScope.Own), (RecordAction.Update, RecordScope.Own));

        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(seller, "colleague")).Errors);
        Assert.Empty((await HandToAsync(seller, "seller")).Errors);
    }

    [Fact]
    public async Task With_department_rights_a_record_may_go_to_someone_in_the_same_department_only()
    {
        var lead = SaveCheckBench.Person("lead", "sales", (RecordAction.Create, RecordScope.Department), (RecordAction.Update, RecordScope.Department));
        var inSales = await Bench.AddUserAsync("li", "sales");
        var inStock = await Bench.AddUserAsync("zhao", "stock");

        Assert.Empty((await HandToAsync(lead, inSales)).Errors);
        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(lead, inStock)).Errors);
    }

    [Fact]
    public async Task The_assign_right_lets_a_record_go_to_anyone()
    {
        var manager = SaveCheckBench.Person("manager", "sales", (RecordAction.Create, RecordScope.Own), (RecordAction.Assign, RecordScope.All));

        Assert.Empty((await HandToAsync(manager, "anyone")).Errors);
    }

    [Fact]
    public async Task It_is_not_asked_while_another_value_is_refused()
    {
        var seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Create, RecordScope.Own));
        var save = Bench.NewOrder(seller, new Dictionary<string, object?> { [SystemFields.Owner] = "colleague" });
        save.Row[SystemFields.Owner] = "colleague";
        save.Errors.Add(new("title", "refused"));

        await new CheckAssignment(Bench.Db, Bench.Text).CheckAsync(save, CancellationToken.None);

        Assert.Equal(["title"], save.Errors.Select(e => e.Field));
    }

    [Fact]
    public async Task With_subordinates_rights_a_record_may_go_to_someone_below_in_their_department_only()
    {
        var report = await Bench.AddUserAsync("li", "east");
        var other = await Bench.AddUserAsync("zhao", "stock");
        var director = SaveCheckBench.Person("director", "sales", (RecordAction.Create, RecordScope.Own), (RecordAction.Update, RecordScope.Subordinates)) with
        {
            Org = new(new HashSet<string> { report }, new HashSet<string> { "east" }, new HashSet<string> { "sales" }),
        };

        Assert.Empty((await HandToAsync(director, report, "east")).Errors);
        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(director, report, "sales")).Errors); // filed where the report is not
        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(director, other, "stock")).Errors);
    }

    [Fact]
    public async Task With_department_tree_rights_a_record_may_go_to_someone_in_a_department_below()
    {
        var below = await Bench.AddUserAsync("li", "east");
        var apart = await Bench.AddUserAsync("zhao", "stock");
        var director = SaveCheckBench.Person("director", "sales", (RecordAction.Create, RecordScope.Own), (RecordAction.Update, RecordScope.DepartmentTree)) with
        {
            Org = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string> { "sales", "east" }),
        };

        Assert.Empty((await HandToAsync(director, below, "east")).Errors);
        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(director, apart, "stock")).Errors);
        Assert.Equal([new(SystemFields.Owner, "Records.Error.AssignNotAllowed")], (await HandToAsync(director with { Org = null }, below, "east")).Errors); // unplaced: no further than own department
    }
}
