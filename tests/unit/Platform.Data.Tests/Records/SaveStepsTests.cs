using Microsoft.Extensions.Logging.Abstractions;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class SaveStepsTests : SaveCheckTest
{
    private static readonly Actor Clerk = SaveCheckBench.Person("clerk", null, (RecordAction.Create, RecordScope.Own));

    private SaveSteps Steps() =>
        new(Bench.Db, new RecordValueConverter(Bench.Text), SaveCheckBench.Scripts, [], Bench.Text, NullLogger.Instance, null!);

    private static Dictionary<string, object?> Line(decimal quantity, decimal price) => new() { ["quantity"] = quantity, ["price"] = price };

    private async Task<(RowSave Save, List<RecordFieldError> Errors)> TakeAsync(Dictionary<string, object?> values, bool preview = false)
    {
        var steps = Steps();
        var save = Bench.NewQuote(Clerk, values);
        var run = await steps.Rules.ForAsync(Bench.Records, save.Entity, Clerk, CancellationToken.None);
        var errors = await steps.TakeValuesAsync(save, DateTimeOffset.UtcNow, [], preview ? run!.ForPreview() : run, CancellationToken.None);
        return (save, errors);
    }

    [Fact]
    public async Task The_record_is_checked_then_its_lines_then_its_rules_which_see_the_lines_as_they_will_be_saved()
    {
        var (save, errors) = await TakeAsync(new() { ["title"] = "Q", ["lines"] = new[] { Line(3, 19.99m), Line(2, 0.1m) } });

        Assert.Empty(errors);
        Assert.Equal(60.17m, save.Row["total"]);
        Assert.Equal("ok", save.Row["status"]);
        Assert.Equal("east", save.Row["region"]);
    }

    [Fact]
    public async Task Rules_never_run_over_refused_values_in_a_save_but_do_in_a_preview_so_the_form_shows_its_total()
    {
        var values = new Dictionary<string, object?> { ["title"] = "Q", ["discount"] = "lots", ["lines"] = new[] { Line(2, 5), new Dictionary<string, object?> { ["quantity"] = 1m } } };

        var (saved, saveErrors) = await TakeAsync(values);
        var (previewed, previewErrors) = await TakeAsync(values, preview: true);

        Assert.Equal(["discount", "lines[1].price"], saveErrors.Select(e => e.Field));
        Assert.False(saved.Row.ContainsKey("total"));
        Assert.Equal(["discount", "lines[1].price"], previewErrors.Select(e => e.Field));
        Assert.Equal(10m, previewed.Row["total"]);
    }
}
