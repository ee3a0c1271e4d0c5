using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Data.Records;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class ConvertValuesTests : SaveCheckTest
{
    private static readonly Core.Security.Actor Seller = SaveCheckBench.Person("seller", "sales", (RecordAction.Create, RecordScope.Own));

    private async Task<RowSave> CheckAsync(Dictionary<string, object?> values)
    {
        var save = Bench.NewOrder(Seller, values);
        await new ConvertValues(new RecordValueConverter(Bench.Text), Bench.Text).CheckAsync(save, CancellationToken.None);
        return save;
    }

    [Fact]
    public async Task Each_value_is_converted_by_its_field_kind_into_the_row()
    {
        var save = await CheckAsync(new() { ["title"] = "Spring order", ["total"] = "1234.50" });

        Assert.Empty(save.Errors);
        Assert.Equal("Spring order", save.Row["title"]);
        Assert.Equal(1234.50m, save.Row["total"]);
    }

    [Fact]
    public async Task Unknown_system_numbered_and_unconvertible_values_are_each_refused_where_they_were_sent()
    {
        var save = await CheckAsync(new() { ["title"] = "x", ["colour"] = "red", [SystemFields.CreatedBy] = "me", ["number"] = "SO-9", ["total"] = "lots" });

        Assert.Equal(["colour", SystemFields.CreatedBy, "number", "total"], save.Errors.Select(e => e.Field).Order());
        Assert.Contains(save.Errors, e => e.Field == "colour" && e.Message == "Records.Error.UnknownField(colour, order)");
        Assert.Contains(save.Errors, e => e.Field == "number" && e.Message == "Records.Error.AutoNumber");
        Assert.DoesNotContain("total", save.Row.Keys);
    }

    [Fact]
    public async Task A_new_record_needs_its_required_fields_except_those_its_defaults_will_fill()
    {
        var save = await CheckAsync(new() { ["total"] = "5" });

        Assert.Equal([new RecordFieldError("title", "Records.Error.Required")], save.Errors);
    }

    [Fact]
    public async Task Owner_and_department_are_read_as_a_user_and_a_department()
    {
        var save = await CheckAsync(new() { ["title"] = "x", [SystemFields.Owner] = "someone-else", [SystemFields.Department] = 42 });

        Assert.Equal("someone-else", save.Row[SystemFields.Owner]);
        Assert.Equal([SystemFields.Department], save.Errors.Select(e => e.Field));
    }
}
