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

    [Theory]
    [InlineData("record.quantity *", "脚本在第 1 行第 18 列处没有写完：可能少了右括号、引号，或运算符后面的内容。")]
    [InlineData("round(record.quantity，2)", "脚本第 1 行第 22 列有无法识别的字符：常见原因是中文标点（，；“”）或未闭合的引号。")]
    [InlineData("record.quantity * )", "脚本第 1 行第 19 列有不该出现的符号（Unexpected token ')'）：请检查括号、引号和运算符是否成对、完整。")]
    public void A_formula_that_does_not_parse_is_explained_in_chinese_with_its_line_and_column(string formula, string expected)
    {
        var quote = new EntityDefinition
        {
            Name = "quote", Label = LocalizedText.Of("报价", "Quote"),
            Fields = [new() { Name = "amount", Type = "computed", ResultType = "money", Formula = formula, Label = LocalizedText.Of("金额", "Amount") }],
        };

        var problem = Assert.Single(Platform.Rules.EntityScripts.Check(quote));

        Assert.Equal("$.fields[0].formula", problem.Path);
        Assert.Equal(expected, Platform.Tests.UiCulture.In("zh-CN", () => DesignerPaths.Text(problem, Text)));
        Assert.Contains("line 1, column", Platform.Tests.UiCulture.In("en", () => DesignerPaths.Text(problem, Text)), StringComparison.OrdinalIgnoreCase);
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
