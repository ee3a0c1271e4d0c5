using System.Globalization;
using Platform.Core.Metadata;
using Platform.Entities.Designer;
using Platform.Web.Localization;

namespace Platform.Entities.Tests.Designer;

public sealed class DesignerPathsTests
{
    private static readonly CatalogStringLocalizer Text = new(new LocalizationCatalog([typeof(Startup).Assembly]));

    /// <summary>An entity with one problem of nearly every kind the metadata check finds.</summary>
    private static EntityDefinition Broken() => new()
    {
        Name = "drop",
        Label = [],
        TitleField = "ghost",
        Fields =
        [
            new() { Name = "id", Type = "text", Label = LocalizedText.Of("编号", "Id") },
            new() { Name = "9lives", Type = "text", Label = LocalizedText.Of("命", "Lives") },
            new() { Name = "number", Type = "autoNumber", Format = "SO-{yyyy}-{x}", Label = LocalizedText.Of("单号", "Number") },
            new() { Name = "amount", Type = "money", Label = LocalizedText.Of("金额", "Amount"), Min = 10, Max = 1, Pattern = "x" },
            new() { Name = "status", Type = "choice", Label = LocalizedText.Of("状态", "Status"), Choices = [new() { Value = "a" }, new() { Value = "a", Color = "red" }] },
            new() { Name = "kind", Type = "nope", Label = LocalizedText.Of("类型", "Kind") },
            new() { Name = "total", Type = "computed", Label = LocalizedText.Of("合计", "Total"), Required = true, Formula = "1", ResultType = "lines" },
        ],
        Form = new FormLayout { Sections = [new() { Columns = 5, Fields = ["amount", "amount"] }] },
    };

    [Fact]
    public void Every_problem_the_metadata_check_names_by_code_has_a_chinese_text_taking_its_arguments()
    {
        var problems = MetadataValidator.Validate(Broken());

        Assert.True(problems.Count(p => p.Code is not null) >= 10, string.Join("; ", problems));
        Assert.Contains(problems, p => p.Code == "names.reserved");
        Assert.Contains(problems, p => p.Code == "names.shape");
        Assert.Contains(problems, p => p.Code == "autoNumber.token");
        Assert.All(problems.Where(p => p.Code is not null), problem =>
        {
            var chinese = Platform.Tests.UiCulture.In("zh-CN", () => DesignerPaths.Text(problem, Text));
            Assert.NotEqual(problem.Message, chinese);
            Assert.DoesNotMatch(@"\{\d+\}", chinese); // every placeholder filled
            Assert.Equal(problem.Message, Platform.Tests.UiCulture.In("en", () => DesignerPaths.Text(problem, Text)));
        });
    }

    [Fact]
    public void Reads_the_chinese_text_with_its_values()
    {
        var problem = MetadataValidator.Validate(Broken()).Single(p => p.Path == "$.fields[3].min");

        Assert.Equal("最小值（10）大于最大值（1）。", Platform.Tests.UiCulture.In("zh-CN", () => DesignerPaths.Text(problem, Text)));
    }

    [Fact]
    public void Braces_of_auto_number_tokens_survive_the_translation()
    {
        var problem = MetadataValidator.Validate(Broken()).Single(p => p.Code == "autoNumber.token");

        Assert.Equal("未知的占位符 {x}：请使用 {yyyy}、{yy}、{MM}、{dd} 和一个 {#####}。", Platform.Tests.UiCulture.In("zh-CN", () => DesignerPaths.Text(problem, Text)));
        Assert.Equal(problem.Message, Platform.Tests.UiCulture.In("en", () => DesignerPaths.Text(problem, Text)));
    }

    [Fact]
    public void A_problem_without_a_code_keeps_its_message()
    {
        var problem = new MetadataError("$", "The database refused the change.");

        Assert.Equal("The database refused the change.", Platform.Tests.UiCulture.In("zh-CN", () => DesignerPaths.Text(problem, Text)));
    }

    [Theory]
    [InlineData("$.fields[3].formula", 3)]
    [InlineData("$.fields[12]", 12)]
    [InlineData("$.label", null)]
    [InlineData("$.form.sections[0].fields[1]", null)]
    public void Finds_the_field_a_problem_belongs_to(string path, int? field) => Assert.Equal(field, DesignerPaths.FieldIndex(path));
}
