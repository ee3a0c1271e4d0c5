using System.Globalization;
using System.Text.Json;
using Platform.Core.Fields;
using Platform.Core.Fields.Files;
using Platform.Core.Metadata;

namespace Platform.Core.Tests.Fields;

/// <summary>What each field kind does with values: typed in, imported from a cell, shown on a page.</summary>
public sealed class FieldTypeTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static FieldDefinition Field(string type, Action<FieldDefinition>? settings = null)
    {
        var field = new FieldDefinition { Name = "f", Type = type };
        settings?.Invoke(field);
        return field;
    }

    private static FieldDefinition Status(string type = "choice") => Field(type, f => f.Choices =
    [
        new() { Value = "draft", Label = LocalizedText.Of("草稿", "Draft") },
        new() { Value = "won", Label = LocalizedText.Of("赢单", "Won") },
    ]);

    private static (object? Value, FieldProblem? Problem) Input(FieldDefinition field, object input)
    {
        var kind = FieldTypes.StorageOf(field);
        var value = kind.ReadInput(field, input, out var problem);
        return (value, problem ?? (value is null ? null : kind.CheckValue(field, value)));
    }

    private static FieldReading Cell(FieldDefinition field, object cell) =>
        field.ValueKind!.ReadCell(field, cell, (cell as string ?? Convert.ToString(cell, CultureInfo.InvariantCulture)!).Trim());

    [Fact]
    public void Every_kind_is_listed_once_under_its_own_name() =>
        Assert.All(FieldTypes.All, pair => Assert.Same(pair.Value, FieldTypes.Find(pair.Key)));

    [Fact]
    public void Text_the_platform_wrote_reads_back_as_its_column_type()
    {
        Assert.Equal(true, StoredValue.ReadInvariant(typeof(bool), "true"));
        Assert.Equal(0.15m, StoredValue.ReadInvariant(typeof(decimal), "0.15"));
        Assert.Equal(new DateOnly(2026, 3, 5), StoredValue.ReadInvariant(typeof(DateOnly), "2026-03-05"));
        Assert.Null(StoredValue.ReadInvariant(typeof(long), "1.5"));
        Assert.Null(StoredValue.Read(typeof(bool), "true")); // a value typed in as text is not yes/no
    }

    [Fact]
    public void Money_keeps_every_digit_of_a_json_amount()
    {
        var (value, problem) = Input(Field("money"), JsonDocument.Parse("12345678901234.5678").RootElement);
        Assert.Null(problem);
        Assert.Equal(12345678901234.5678m, value);
    }

    [Fact]
    public void Money_refuses_more_decimals_than_its_scale() =>
        Assert.Equal("FieldTypes.Value.TooManyDecimals", Input(Field("money"), 1.23456m).Problem?.Key);

    [Theory]
    [InlineData("email", "not-an-address", "FieldTypes.Value.BadEmail")]
    [InlineData("url", "javascript:alert(1)", "FieldTypes.Value.BadUrl")]
    [InlineData("phone", "call me", "FieldTypes.Value.BadPhone")]
    [InlineData("integer", "1.5", "FieldTypes.Value.Not.integer")]
    [InlineData("date", "05/03/2026", "FieldTypes.Value.Not.date")]
    public void Values_of_the_wrong_shape_are_refused_with_their_reason(string type, string input, string key) =>
        Assert.Equal(key, Input(Field(type), input).Problem?.Key);

    [Fact]
    public void A_choice_must_be_one_of_the_list() =>
        Assert.Equal(new object?[] { "lost" }, Input(Status(), "lost").Problem?.Arguments);

    [Fact]
    public void Several_choices_are_stored_in_list_order_once_each()
    {
        var (value, problem) = Input(Status("multiChoice"), JsonDocument.Parse("""["won","draft","won"]""").RootElement);
        Assert.Null(problem);
        Assert.Equal("draft,won", value);
    }

    [Fact]
    public void Files_are_read_as_distinct_ids_and_at_most_twenty()
    {
        var id = Guid.NewGuid();
        Assert.Equal([id], ((FileIds)Input(Field("attachment"), new[] { id.ToString(), id.ToString() }).Value!).Ids);
        Assert.Equal("FieldTypes.Value.TooManyFiles", Input(Field("image"), Enumerable.Range(0, 21).Select(_ => Guid.NewGuid().ToString()).ToArray()).Problem?.Key);
    }

    [Fact]
    public void A_computed_field_reads_as_its_result_type() =>
        Assert.Equal(12.5m, Input(Field("computed", f => f.ResultType = "money"), "12.5").Value);

    [Theory]
    [InlineData("money", "¥1,234.50", 1234.50)]
    [InlineData("decimal", "1，234.5元", 1234.5)]
    [InlineData("percent", "15%", 0.15)]
    [InlineData("percent", "0.15", 0.15)]
    public void Number_cells_read_the_way_people_type_them(string type, string cell, double expected) =>
        Assert.Equal((decimal)expected, Cell(Field(type), cell).Value);

    [Theory]
    [InlineData("2026年3月5日")]
    [InlineData("2026/3/5")]
    [InlineData("2026.03.05")]
    [InlineData("2026-03-05")]
    public void Date_cells_read_in_the_usual_spellings(string cell) =>
        Assert.Equal(new DateOnly(2026, 3, 5), Cell(Field("date"), cell).Value);

    [Fact]
    public void An_excel_serial_date_reads_as_its_day() =>
        Assert.Equal(new DateOnly(2026, 3, 5), Cell(Field("date"), 46086d).Value);

    [Theory]
    [InlineData("是", true)]
    [InlineData("√", true)]
    [InlineData("N", false)]
    [InlineData("否", false)]
    public void Yes_no_cells_read_in_both_languages(string cell, bool expected) =>
        Assert.Equal(expected, Cell(Field("boolean"), cell).Value);

    [Fact]
    public void Choice_cells_read_by_value_or_by_label_in_either_language()
    {
        Assert.Equal("won", Cell(Status(), "赢单").Value);
        Assert.Equal("won", Cell(Status(), "WON").Value);
        Assert.Equal("won,draft", Cell(Status("multiChoice"), "Won、草稿、won").Value); // the save puts them in list order
    }

    [Fact]
    public void A_cell_that_does_not_read_says_which_text_and_what_was_expected()
    {
        var reading = Cell(Field("integer"), "2.5");
        Assert.Equal("FieldTypes.Cell.NotWholeNumber", reading.Problem?.Key);
        Assert.Equal("2.5", reading.Problem?.Arguments[0]);
        Assert.Equal("FieldTypes.Cell.NotChoice", Cell(Status(), "lost").Problem?.Key);
    }

    [Fact]
    public void Lookups_and_people_stay_text_until_they_are_found() =>
        Assert.Equal("华东客户", Cell(Field("lookup"), " 华东客户 ").Value);

    [Fact]
    public void Values_show_as_a_reader_expects_them()
    {
        Assert.Equal("1,234.50", FieldTypes.Money.Display(Field("money"), 1234.5m, English));
        Assert.Equal("15 %", FieldTypes.Percent.Display(Field("percent"), 0.15m, English));
        Assert.Equal("是", FieldTypes.YesNo.Display(Field("boolean"), true, Chinese));
        Assert.Equal("No", FieldTypes.YesNo.Display(Field("boolean"), false, English));
        Assert.Equal("赢单", FieldTypes.Choice.Display(Status(), "won", Chinese));
        Assert.Equal("Draft, Won", FieldTypes.MultiChoice.Display(Status("multiChoice"), "draft,won", English));
        Assert.Equal("2026-03-05", FieldTypes.Date.Display(Field("date"), new DateOnly(2026, 3, 5), Chinese));
    }

    [Theory]
    [InlineData("text", "integer", true)]
    [InlineData("choice", "multiChoice", true)]
    [InlineData("integer", "money", true)]
    [InlineData("date", "datetime", true)]
    [InlineData("boolean", "text", true)]
    [InlineData("multiChoice", "choice", false)]
    [InlineData("integer", "date", false)]
    [InlineData("lookup", "text", false)]
    [InlineData("text", "lookup", false)]
    public void Type_changes_keep_values_only_between_related_kinds(string from, string to, bool allowed) =>
        Assert.Equal(allowed, FieldTypes.Find(from)!.CanChangeTo(FieldTypes.Find(to)!));

    [Fact]
    public void Line_columns_add_up_for_quantities_and_amounts_typed_or_computed_but_not_rates_or_switched_off_prices()
    {
        Assert.True(Field("integer").AddsUpInLines);
        Assert.True(Field("computed", f => f.ResultType = "money").AddsUpInLines);
        Assert.True(Field("money").AddsUpInLines);
        Assert.False(Field("percent").AddsUpInLines);
        Assert.False(Field("money", f => f.LinesTotal = false).AddsUpInLines);
        Assert.True(Field("percent", f => f.LinesTotal = true).AddsUpInLines);
        Assert.False(Field("computed", f => f.ResultType = "text").AddsUpInLines);
        Assert.False(Field("text", f => f.LinesTotal = true).AddsUpInLines);
    }

    [Fact]
    public void The_designer_offers_each_kind_only_its_own_settings()
    {
        Assert.True(FieldTypes.Text.Offers(FieldSetting.Pattern));
        Assert.False(FieldTypes.Email.Offers(FieldSetting.Pattern));
        Assert.True(FieldTypes.Lookup.Offers(FieldSetting.Target | FieldSetting.OnDelete));
        Assert.False(FieldTypes.Lines.Offers(FieldSetting.OnDelete));
        Assert.False(FieldTypes.Computed.Offers(FieldSetting.Required));
        Assert.False(FieldTypes.AutoNumber.Offers(FieldSetting.Expressions));
        Assert.False(FieldTypes.MultiChoice.Offers(FieldSetting.Unique));
    }
}
