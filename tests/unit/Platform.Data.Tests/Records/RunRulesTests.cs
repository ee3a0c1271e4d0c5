using Platform.Core.Metadata;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class RunRulesTests : SaveCheckTest
{
    private static readonly Actor Clerk = SaveCheckBench.Person("clerk", null, (RecordAction.Create, RecordScope.Own), (RecordAction.Update, RecordScope.Own));

    /// <summary>Runs the quote's rules on a new row holding <paramref name="values"/>, its lines (quantity, price, amount) as a lines step would leave them.</summary>
    private Task<(Dictionary<string, object> Row, List<RecordFieldError> Errors)> RunAsync(
        Dictionary<string, object?> values, Dictionary<string, object>? before = null, params (decimal Quantity, decimal Price)[] lines) => RunAsAsync(Clerk, values, before, lines);

    private async Task<(Dictionary<string, object> Row, List<RecordFieldError> Errors)> RunAsAsync(
        Actor actor, Dictionary<string, object?> values, Dictionary<string, object>? before = null, params (decimal Quantity, decimal Price)[] lines)
    {
        var entity = Bench.Entity("quote");
        var row = before is null ? SaveCheckBench.NewRow(Clerk) : new Dictionary<string, object>(before);
        foreach (var (name, value) in values)
        {
            row[name] = value!;
        }

        var run = (await Bench.Rules().ForAsync(Bench.Records, entity, actor, CancellationToken.None))!;
        run.Lines["lines"] = lines.Select(l => new Dictionary<string, object> { ["quantity"] = l.Quantity, ["price"] = l.Price, ["amount"] = l.Quantity * l.Price }).ToList();
        var errors = Bench.Rules().Run(entity, row, before, run, values);
        return (row, errors);
    }

    [Fact]
    public async Task A_new_record_gets_its_defaults_only_for_the_fields_left_out_and_a_changed_one_none()
    {
        var (left, _) = await RunAsync(new() { ["title"] = "Q" }, null, (1, 1));
        var (sent, _) = await RunAsync(new() { ["title"] = "Q", ["region"] = "west" }, null, (1, 1));
        var (changed, _) = await RunAsync(new() { ["title"] = "Q" }, new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "old" }, (1, 1));

        Assert.Equal("east", left["region"]);
        Assert.Equal("west", sent["region"]);
        Assert.False(changed.ContainsKey("region"));
    }

    [Fact]
    public async Task The_total_sums_the_line_amounts_less_the_discount_and_the_before_save_script_judges_it()
    {
        var (small, smallErrors) = await RunAsync(new() { ["title"] = "Q", ["discount"] = 0.1m }, null, (3, 19.99m), (2, 0.1m));
        var (large, _) = await RunAsync(new() { ["title"] = "Q" }, null, (100, 19.99m));

        Assert.Empty(smallErrors);
        Assert.Equal(54.15m, small["total"]);
        Assert.Equal("ok", small["status"]);
        Assert.Equal(1999m, large["total"]);
        Assert.Equal("review", large["status"]);
    }

    [Fact]
    public async Task A_before_save_refusal_is_reported_at_the_field_the_script_names()
    {
        var (_, errors) = await RunAsync(new() { ["title"] = "forbidden deal" }, null, (1, 1));

        Assert.Equal([new RecordFieldError("title", "Not this title")], errors);
    }

    [Fact]
    public async Task A_validation_refuses_with_its_message_at_its_field()
    {
        var (_, errors) = await RunAsync(new() { ["title"] = "Q", ["discount"] = 0.6m }, null, (1, 1));

        Assert.Equal([new RecordFieldError("discount", "Too much")], errors);
    }

    [Fact]
    public async Task The_platforms_own_write_is_not_held_to_validation_rules_but_still_gets_its_formulas()
    {
        // An approval writing "approved" on a quote whose approver raised the discount beyond what a clerk may give.
        var (row, errors) = await RunAsAsync(Actor.Platform, new() { ["title"] = "Q", ["discount"] = 0.6m }, null, (10, 10m));

        Assert.Empty(errors);
        Assert.Equal(40m, row["total"]);
    }

    [Fact]
    public async Task A_field_read_only_when_the_record_was_locked_stays_so_in_the_save_that_unlocks_it()
    {
        var locked = new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["title"] = "Q", ["locked"] = true, ["discount"] = 0.1m };

        var (_, unlockAndChange) = await RunAsync(new() { ["locked"] = false, ["discount"] = 0.2m }, locked, (1, 1));
        var (_, unlockOnly) = await RunAsync(new() { ["locked"] = false }, locked, (1, 1));
        var (_, wholeFormSentBack) = await RunAsync(new() { ["locked"] = false, ["discount"] = 0.1m }, locked, (1, 1));

        Assert.Equal([new RecordFieldError("discount", "Records.Error.ReadOnly")], unlockAndChange);
        Assert.Empty(unlockOnly);
        Assert.Empty(wholeFormSentBack);
    }

    [Fact]
    public async Task A_failing_formula_names_the_rule_and_the_record_instead_of_failing_the_request()
    {
        var entity = Bench.Entity("quote");
        var broken = MetadataJson.Copy(entity);
        broken.Field("total")!.Formula = "record.nothing.there";
        var row = SaveCheckBench.NewRow(Clerk);
        var run = (await Bench.Rules().ForAsync(Bench.Records, broken, Clerk, CancellationToken.None))!;

        var errors = Bench.Rules().Run(broken, row, null, run, new Dictionary<string, object?>());

        var error = Assert.Single(errors, e => e.Field == "total");
        Assert.StartsWith("Records.Error.RuleFailed(total, ", error.Message);
        Assert.EndsWith($", {row[SystemFields.Id]})", error.Message);
    }

    [Fact]
    public async Task An_entity_without_scripts_in_it_or_its_lines_needs_no_rule_run()
    {
        Assert.Null(await Bench.Rules().ForAsync(Bench.Records, Bench.Entity("customer"), Clerk, CancellationToken.None));
        Assert.NotNull(await Bench.Rules().ForAsync(Bench.Records, Bench.Entity("quote"), Clerk, CancellationToken.None));
    }

    [Fact]
    public async Task The_form_shows_a_field_read_only_while_its_condition_holds()
    {
        var entity = Bench.Entity("quote");
        var run = await Bench.Rules().ForAsync(Bench.Records, entity, Clerk, CancellationToken.None);
        var row = new Dictionary<string, object>(SaveCheckBench.NewRow(Clerk)) { ["locked"] = true };

        var locked = Bench.Rules().FieldStates(entity, row, run);
        row["locked"] = false;
        var open = Bench.Rules().FieldStates(entity, row, run);

        Assert.True(locked["discount"].ReadOnly);
        Assert.False(open["discount"].ReadOnly);
        Assert.True(locked["total"].ReadOnly); // computed: always set by the platform
    }
}
