using Platform.Core.Metadata;

namespace Platform.Core.Tests.Metadata;

/// <summary>An entity document is checked in one go, each problem at its JSON path with a code pages can translate.</summary>
public sealed class MetadataValidatorTests
{
    private static EntityDefinition Entity(params FieldDefinition[] fields) => new()
    {
        Name = "sales_order",
        Label = LocalizedText.Of("销售订单", "Sales order"),
        Fields = [new() { Name = "title", Type = "text", Label = LocalizedText.Of("标题", "Title") }, .. fields],
    };

    private static FieldDefinition Field(string name, string type, Action<FieldDefinition>? settings = null)
    {
        var field = new FieldDefinition { Name = name, Type = type, Label = LocalizedText.Of(name, name) };
        settings?.Invoke(field);
        return field;
    }

    private static IReadOnlyList<MetadataError> Problems(params FieldDefinition[] fields) => MetadataValidator.Validate(Entity(fields));

    private static MetadataError Only(params FieldDefinition[] fields) => Assert.Single(Problems(fields));

    [Fact]
    public void A_well_formed_order_has_no_problems() =>
        Assert.Empty(Problems(
            Field("customer", "lookup", f => f.Target = "customer"),
            Field("number", "autoNumber", f => f.Format = "SO-{yyyy}-{####}"),
            Field("status", "choice", f => f.Choices = [new() { Value = "draft" }, new() { Value = "won", Color = "#2e7d32" }]),
            Field("total", "computed", f => { f.Formula = "1 + 1"; f.ResultType = "money"; }),
            Field("lines", "lines", f => f.Target = "sales_order_line")));

    [Fact]
    public void An_unknown_type_names_the_known_ones()
    {
        var problem = Only(Field("x", "colour"));
        Assert.Equal("$.fields[1].type", problem.Path);
        Assert.Equal("type.1", problem.Code);
        Assert.Contains("money", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lookup_needs_a_target_and_a_known_delete_rule()
    {
        var problems = Problems(Field("customer", "lookup", f => f.OnDelete = "explode"));
        Assert.Equal(["target.1", "onDelete.1"], problems.Select(p => p.Code));
        Assert.Equal("$.fields[1].onDelete", problems[1].Path);
    }

    [Fact]
    public void Settings_of_other_kinds_are_refused_where_they_were_written()
    {
        Assert.Equal(("$.fields[1].target", "target.3"), Only(Field("name", "text", f => f.Target = "customer")) is var a ? (a.Path, a.Code) : default);
        Assert.Equal("choices.1", Only(Field("qty", "integer", f => f.Choices = [new() { Value = "1" }])).Code);
        Assert.Equal("format.1", Only(Field("name", "text", f => f.Format = "{###}")).Code);
        Assert.Equal("precision.1", Only(Field("name", "text", f => f.Precision = 10)).Code);
        Assert.Equal("min.1", Only(Field("day", "date", f => f.Min = 1)).Code);
        Assert.Equal("pattern.1", Only(Field("qty", "integer", f => f.Pattern = "^1$")).Code);
        Assert.Equal(("$.fields[1].allowGaps", "allowGaps.1"), Only(Field("name", "text", f => f.AllowGaps = true)) is var g ? (g.Path, g.Code) : default);
        Assert.Empty(Problems(Field("number", "autoNumber", f => (f.Format, f.AllowGaps) = ("KH-{#####}", true))));
    }

    [Fact]
    public void Choices_must_be_distinct_and_coloured_like_css()
    {
        var problems = Problems(Field("status", "choice", f => f.Choices = [new() { Value = "a" }, new() { Value = "a", Color = "red" }]));
        Assert.Equal(["value.2", "color.1"], problems.Select(p => p.Code));
        Assert.Equal("$.fields[1].choices[1].value", problems[0].Path);
    }

    [Fact]
    public void Several_choices_cannot_hold_commas_and_a_choice_field_needs_one()
    {
        Assert.Equal("value.3", Only(Field("tags", "multiChoice", f => f.Choices = [new() { Value = "a,b" }])).Code);
        Assert.Equal("choices.2", Only(Field("status", "choice")).Code);
    }

    [Fact]
    public void A_computed_field_needs_a_formula_and_a_result_type_and_cannot_be_required()
    {
        var problems = Problems(Field("total", "computed", f => { f.Required = true; f.ResultType = "lookup"; }));
        Assert.Equal(["formula.2", "required.1", "resultType.1"], problems.Select(p => p.Code));
    }

    [Fact]
    public void A_computed_result_is_checked_as_its_type() =>
        Assert.Equal("maxLength", Only(Field("total", "computed", f => { f.Formula = "1"; f.ResultType = "decimal"; f.MaxLength = 10; })).Path.Split('.')[^1]);

    [Fact]
    public void Platform_set_and_file_fields_take_no_default()
    {
        Assert.Equal("default.1", Only(Field("number", "autoNumber", f => { f.Format = "{###}"; f.Default = "'x'"; })).Code);
        Assert.Equal("default.1", Only(Field("scan", "attachment", f => f.Default = "[]")).Code);
    }

    [Fact]
    public void Long_text_and_files_cannot_be_indexed_and_files_cannot_be_unique()
    {
        Assert.Equal("indexed.1", Only(Field("notes", "longText", f => f.Indexed = true)).Code);
        Assert.Equal("unique.1", Only(Field("scan", "image", f => f.Unique = true)).Code);
    }

    [Fact]
    public void Lines_need_their_line_entity_and_go_with_their_record()
    {
        var problems = Problems(Field("lines", "lines", f => { f.OnDelete = "cascade"; f.Unique = true; }));
        Assert.Equal(["target.2", "onDelete.2", "unique.2"], problems.Select(p => p.Code));
    }

    [Fact]
    public void People_fields_take_no_length()
    {
        var problem = Only(Field("owner", "user", f => f.MaxLength = 10));
        Assert.Equal("$.fields[1].maxLength", problem.Path);
        Assert.Contains("does not apply to user", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_auto_number_needs_one_counter_in_its_format() =>
        Assert.Equal("$.fields[1].format", Only(Field("number", "autoNumber", f => f.Format = "SO-{yyyy}")).Path);

    [Fact]
    public void A_secured_field_cannot_name_the_records_nor_be_required_without_a_default()
    {
        var naming = Assert.Single(MetadataValidator.Validate(new EntityDefinition
        {
            Name = "product", Label = LocalizedText.Of("产品", "Product"), TitleField = "name",
            Fields = [Field("name", "text", f => f.Secured = true), Field("cost", "money", f => f.Secured = true)],
        }));
        Assert.Equal(("$.fields[0].secured", "secured.1"), (naming.Path, naming.Code));
        Assert.Equal("secured.2", Only(Field("cost", "money", f => { f.Secured = true; f.Required = true; })).Code);
        Assert.Empty(Problems(Field("cost", "money", f => { f.Secured = true; f.Required = true; f.Default = "0"; })));
    }
}
