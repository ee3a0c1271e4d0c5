using Platform.Core.Metadata;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Records;
using Platform.Data.Records;
using Platform.Data.Records.Saving;
using Platform.Records;

namespace Platform.Data.Tests.Records;

public sealed class SaveLinesTests : SaveCheckTest
{
    private static readonly Platform.Core.Security.Actor Clerk = SaveCheckBench.Person("clerk", "sales", (RecordAction.Create, RecordScope.Own), (RecordAction.Update, RecordScope.Own));

    private SaveLines Lines() => new(new RowChecks(Bench.Db, new RecordValueConverter(Bench.Text), Bench.Text), Bench.Rules(), Bench.Text);

    private static Dictionary<string, object?> Line(decimal quantity, decimal price, object? id = null)
    {
        var line = new Dictionary<string, object?> { ["quantity"] = quantity, ["price"] = price };
        if (id is not null)
        {
            line[SystemFields.Id] = id;
        }

        return line;
    }

    private static Dictionary<string, object?> Values(params Dictionary<string, object?>[] lines) => new() { ["title"] = "Q-1", ["lines"] = lines };

    private async Task<(RowSave Quote, List<AuditEntry> Audit, List<RecordFieldError> Errors)> ApplyAsync(RowSave quote, RuleRun? run = null)
    {
        var audit = new List<AuditEntry>();
        var errors = await Lines().ApplyAsync(quote, DateTimeOffset.UtcNow, audit, run, CancellationToken.None);
        return (quote, audit, errors);
    }

    private Task<List<Dictionary<string, object>>> StoredLinesAsync() =>
        Bench.Records.Set<Dictionary<string, object>>("quote_line").AsNoTracking().OrderBy(r => EF.Property<int?>(r, SystemFields.LineNumber)).ToListAsync();

    [Fact]
    public async Task New_lines_are_numbered_in_list_order_and_belong_to_the_record_and_its_owner()
    {
        var (quote, audit, errors) = await ApplyAsync(Bench.NewQuote(Clerk, Values(Line(3, 2), Line(1, 5))));

        Assert.Empty(errors);
        var lines = Bench.Records.NewRows.Where(n => n.Entity.Name == "quote_line").Select(n => n.Row).ToList();
        Assert.Equal([1, 2], lines.Select(l => (int)l[SystemFields.LineNumber]));
        Assert.Equal([3m, 1m], lines.Select(l => (decimal)l["quantity"]));
        Assert.All(lines, l => Assert.Equal(quote.Row[SystemFields.Id], l[SystemFields.ParentId]));
        Assert.All(lines, l => Assert.Equal("clerk", l[SystemFields.Owner]));
        Assert.All(lines, l => Assert.Equal("sales", l[SystemFields.Department]));
        Assert.Equal(["create", "create"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal(quote.Row[SystemFields.Id], a.ParentRecordId));
    }

    [Fact]
    public async Task Lines_left_out_are_removed_kept_ones_renumbered_and_every_change_audited_field_by_field()
    {
        var created = Bench.NewQuote(Clerk, Values(Line(1, 10), Line(2, 20), Line(3, 30)));
        await ApplyAsync(created);
        await Bench.WriteAsync();
        var stored = await StoredLinesAsync();

        var before = new Dictionary<string, object>(created.Row);
        var changing = new RowSave(Bench.Records, Bench.Entity("quote"), created.Row, before,
            new Dictionary<string, object?> { ["lines"] = new[] { Line(9, 30, stored[2][SystemFields.Id]), Line(1, 10, stored[0][SystemFields.Id]) } }, Clerk);
        var (_, audit, errors) = await ApplyAsync(changing);
        await Bench.WriteAsync();

        Assert.Empty(errors);
        var lines = await StoredLinesAsync();
        Assert.Equal([stored[2][SystemFields.Id], stored[0][SystemFields.Id]], lines.Select(l => l[SystemFields.Id]));
        Assert.Equal([9m, 1m], lines.Select(l => (decimal)l["quantity"]));
        Assert.All(lines, l => Assert.Equal(2, l[SystemFields.RowVersion])); // both moved
        Assert.Equal(
            [("update", "quantity", "3", "9"), ("update", SystemFields.LineNumber, "3", "1"), ("update", SystemFields.LineNumber, "1", "2"), ("delete", null, null, null)],
            audit.Select(a => (a.Action, a.Field, a.Action == "delete" ? null : a.OldValue, a.NewValue)));
        Assert.Contains("\"quantity\":\"2\"", audit[^1].OldValue);
    }

    [Fact]
    public async Task A_line_id_that_is_not_one_of_the_records_lines_is_refused_at_that_line()
    {
        var (_, _, errors) = await ApplyAsync(Bench.NewQuote(Clerk, Values(Line(1, 1), Line(1, 1, Guid.NewGuid()))));

        Assert.Equal([new RecordFieldError("lines[1].id", "Records.Error.NoSuchLine")], errors);
    }

    [Fact]
    public async Task A_refused_line_value_is_named_by_position_and_field()
    {
        var (_, _, errors) = await ApplyAsync(Bench.NewQuote(Clerk, new Dictionary<string, object?>
        {
            ["lines"] = new[] { Line(1, 1), new Dictionary<string, object?> { ["quantity"] = "many", ["price"] = 1m } },
        }));

        Assert.Equal(["lines[1].quantity"], errors.Select(e => e.Field));
    }

    [Fact]
    public async Task More_lines_than_a_record_may_hold_are_refused_as_a_whole()
    {
        var lines = Enumerable.Range(0, IRecordStore.MaxLines + 1).Select(_ => Line(1, 1)).ToArray();

        var (_, _, errors) = await ApplyAsync(Bench.NewQuote(Clerk, Values(lines)));

        Assert.Equal([new RecordFieldError("lines", $"Records.Error.TooManyLines({IRecordStore.MaxLines})")], errors);
        Assert.Empty(Bench.Records.NewRows);
    }

    [Fact]
    public async Task A_required_lines_field_sent_empty_or_left_out_of_a_new_record_is_refused()
    {
        var (_, _, empty) = await ApplyAsync(Bench.NewQuote(Clerk, Values()));
        var (_, _, missing) = await ApplyAsync(Bench.NewQuote(Clerk, new Dictionary<string, object?> { ["title"] = "Q" }));
        var (_, _, notAList) = await ApplyAsync(Bench.NewQuote(Clerk, new Dictionary<string, object?> { ["lines"] = "three" }));

        Assert.Equal([new RecordFieldError("lines", "Records.Error.Required")], empty);
        Assert.Equal([new RecordFieldError("lines", "Records.Error.Required")], missing);
        Assert.Equal([new RecordFieldError("lines", "FieldTypes.Value.Not.lines")], notAList);
    }

    [Fact]
    public async Task Each_line_computes_its_amount_and_the_rule_run_holds_the_lines_in_order_for_the_record()
    {
        var quote = Bench.NewQuote(Clerk, Values(Line(3, 19.99m), Line(2, 0.1m)));
        var run = await Bench.Rules().ForAsync(Bench.Records, quote.Entity, Clerk, CancellationToken.None);

        var (_, _, errors) = await ApplyAsync(quote, run);

        Assert.Empty(errors);
        Assert.Equal([59.97m, 0.2m], run!.Lines["lines"].Select(l => (decimal)l["amount"]));
    }
}
