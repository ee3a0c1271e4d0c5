using System.Globalization;
using Platform.Printing.Services;

namespace Platform.Web.Tests.Printing;

/// <summary>
/// Print templates run in a sandbox: values escaped for HTML (Chinese kept as it is), the document filters (money, capitals, QR), and
/// every way out refused with a message — a syntax error with its line and column, a loop without end stopped, a template writing
/// without end cut off, files not found.
/// </summary>
public sealed class LiquidTemplatesTests
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    private static Task<string> RenderAsync(string source, Dictionary<string, object?>? model = null) =>
        LiquidTemplates.RenderAsync(LiquidTemplates.Parse(source), model ?? new Dictionary<string, object?>(), Chinese);

    [Fact]
    public async Task Values_are_escaped_for_HTML_and_Chinese_stays_readable()
    {
        var record = new Dictionary<string, object?> { ["name"] = "华东<script>alert(1)</script>&公司", ["total"] = 12345.6m };
        var html = await RenderAsync("<p>{{ record.name }}</p><p>{{ record.total | money: '¥' }}</p><p>{{ record.total | rmb_upper }}</p>",
            new() { ["record"] = record });
        Assert.Equal("<p>华东&lt;script&gt;alert(1)&lt;/script&gt;&amp;公司</p><p>¥12,345.60</p><p>壹万贰仟叁佰肆拾伍元陆角</p>", html);
    }

    [Fact]
    public async Task Money_takes_a_sign_and_decimals_and_leaves_empty_values_empty()
    {
        var model = new Dictionary<string, object?> { ["a"] = -1234567.891m, ["b"] = null, ["c"] = 3m };
        Assert.Equal("-1,234,567.89|-$1,234,568||3.00", await RenderAsync("{{ a | money }}|{{ a | money: '$', 0 }}|{{ b | money }}|{{ c | money }}", model));
    }

    [Theory]
    [InlineData("zh-CN", "2026年12月7日|2026年3月15日|")]
    [InlineData("en", "7 December 2026|15 March 2026|")]
    public async Task A_day_is_written_out_in_the_printing_persons_language(string language, string expected)
    {
        var model = new Dictionary<string, object?> { ["day"] = "2026-12-07", ["moment"] = "2026-03-15 09:30", ["none"] = null };
        var html = await LiquidTemplates.RenderAsync(LiquidTemplates.Parse("{{ day | long_date }}|{{ moment | long_date }}|{{ none | long_date }}"), model, new CultureInfo(language));
        Assert.Equal(expected, html);
    }

    [Fact]
    public async Task A_QR_code_is_drawn_as_inline_SVG_of_the_asked_size()
    {
        var html = await RenderAsync("{{ 'SO-202612-00001' | qr: 30 }}");
        Assert.StartsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" width=\"30mm\" height=\"30mm\"", html, StringComparison.Ordinal);
        Assert.Contains("<path d=\"M", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p>{{ record.name </p>", 1)]
    [InlineData("<p>ok</p>\n<p>still ok</p>\n{% for x in %}", 3)]
    [InlineData("line one\n{% if a %}\nno end", 3)]
    public void A_template_that_does_not_parse_is_refused_with_its_line(string source, int line)
    {
        var problem = Assert.Throws<PrintRefusedException>(() => LiquidTemplates.Parse(source));
        Assert.StartsWith("Printing.Error.Syntax", problem.Code, StringComparison.Ordinal);
        if (problem.Code == "Printing.Error.Syntax")
        {
            Assert.Equal(line, problem.Arguments[0]);
        }
    }

    [Fact]
    public async Task A_loop_without_end_is_stopped()
    {
        var problem = await Assert.ThrowsAsync<PrintRefusedException>(() => RenderAsync("{% for i in (1..10000) %}{% for j in (1..10000) %}{{ j }}{% endfor %}{% endfor %}"));
        Assert.Equal("Printing.Error.TooManySteps", problem.Code);
    }

    [Theory]
    [InlineData("{% for i in (1..100000000) %}x{% endfor %}")]
    [InlineData("{% assign all = (1..n) %}{{ all | size }}")]
    public async Task A_range_too_long_to_hold_is_refused_before_it_is_made(string source)
    {
        var problem = await Assert.ThrowsAsync<PrintRefusedException>(() => RenderAsync(source, new() { ["n"] = 1_000_000_000_000m }));
        Assert.Equal("Printing.Error.RangeTooLong", problem.Code);
    }

    [Fact]
    public async Task A_template_writing_without_end_is_cut_off()
    {
        var problem = await Assert.ThrowsAsync<PrintRefusedException>(() => RenderAsync("{% for i in (1..100) %}{% for j in (1..1000) %}{{ big }}{% endfor %}{% endfor %}", new() { ["big"] = new string('x', 100) }));
        Assert.Equal("Printing.Error.TooLong", problem.Code);
    }

    [Theory]
    [InlineData("{% include '/etc/passwd' %}")]
    [InlineData("{% render '../../appsettings.json' %}")]
    public async Task A_template_reads_no_file(string source)
    {
        string html;
        try
        {
            html = await RenderAsync(source);
        }
        catch (PrintRefusedException problem)
        {
            Assert.Equal("Printing.Error.Render", problem.Code);
            return;
        }

        Assert.DoesNotContain("root:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ConnectionStrings", html, StringComparison.Ordinal);
    }
}
