using Platform.Core.Records;
using Platform.Data.Records.Saving;

namespace Platform.Data.Tests.Records;

public sealed class CheckLookupsTests : SaveCheckTest
{
    private async Task<RowSave> LookUpAsync(Core.Security.Actor actor, Guid customer)
    {
        var save = Bench.NewOrder(actor, new Dictionary<string, object?> { ["customer"] = customer });
        save.Row["customer"] = customer;
        await new CheckLookups(Bench.Text).CheckAsync(save, CancellationToken.None);
        return save;
    }

    [Fact]
    public async Task A_lookup_must_name_a_live_record_of_its_target()
    {
        var reader = SaveCheckBench.Person("seller", null, (RecordAction.Create, RecordScope.All));
        var acme = await Bench.AddCustomerAsync("Acme", "seller");

        Assert.Empty((await LookUpAsync(reader, acme)).Errors);
        Assert.Equal([new("customer", "Records.Error.NoSuchTarget(Customer)")], (await LookUpAsync(reader, Guid.NewGuid())).Errors);
    }

    [Fact]
    public async Task A_record_the_actor_may_not_read_is_answered_as_a_missing_one()
    {
        var acme = await Bench.AddCustomerAsync("Acme", "someone-else");
        var ownOnly = new Core.Security.Actor("seller", "seller", null, new Core.Records.RecordAccess(false,
            [RecordPermissions.Name("order", RecordAction.Create, RecordScope.Own), RecordPermissions.Name("customer", RecordAction.Read, RecordScope.Own)]));

        var save = await LookUpAsync(ownOnly, acme);

        Assert.Equal([new("customer", "Records.Error.NoSuchTarget(Customer)")], save.Errors);
    }
}
