using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Data.Records.Saving;

namespace Platform.Data.Tests.Records;

public sealed class CheckPeopleTests : SaveCheckTest
{
    private static readonly Core.Security.Actor Seller = SaveCheckBench.Person("seller", null, (RecordAction.Create, RecordScope.All));

    [Fact]
    public async Task A_user_field_must_name_an_existing_account()
    {
        var known = await Bench.AddUserAsync("wang");
        var good = Bench.NewOrder(Seller, new Dictionary<string, object?> { ["salesperson"] = known });
        var bad = Bench.NewOrder(Seller, new Dictionary<string, object?> { ["salesperson"] = "nobody" });
        good.Row["salesperson"] = known;
        bad.Row["salesperson"] = "nobody";

        var check = new CheckPeople(Bench.Db, Bench.Text);
        await check.CheckAsync(good, CancellationToken.None);
        await check.CheckAsync(bad, CancellationToken.None);

        Assert.Empty(good.Errors);
        Assert.Equal([new("salesperson", "Records.Error.NoSuchUser")], bad.Errors);
    }

    [Fact]
    public async Task An_owner_is_an_account_too_and_a_department_must_exist()
    {
        var save = Bench.NewOrder(Seller, new Dictionary<string, object?> { [SystemFields.Owner] = "ghost", [SystemFields.Department] = "nowhere" });
        save.Row[SystemFields.Owner] = "ghost";
        save.Row[SystemFields.Department] = "nowhere";

        await new CheckPeople(Bench.Db, Bench.Text).CheckAsync(save, CancellationToken.None);

        Assert.Equal(["Records.Error.NoSuchUser", "Records.Error.NoSuchDepartment"], save.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task A_value_already_refused_is_not_looked_up_again()
    {
        var save = Bench.NewOrder(Seller, new Dictionary<string, object?> { ["salesperson"] = "nobody" });
        save.Row["salesperson"] = "nobody";
        save.Errors.Add(new("salesperson", "already refused"));

        await new CheckPeople(Bench.Db, Bench.Text).CheckAsync(save, CancellationToken.None);

        Assert.Equal(["already refused"], save.Errors.Select(e => e.Message));
    }
}
