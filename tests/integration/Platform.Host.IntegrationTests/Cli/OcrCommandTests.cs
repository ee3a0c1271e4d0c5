using System.Text.Json;
using Platform.Ocr.Native;
using Platform.Tests;
using static Platform.Host.IntegrationTests.Cli.PlatformCommand;

namespace Platform.Host.IntegrationTests.Cli;

/// <summary>
/// <c>platform ocr</c>: render a corpus from the trade-fair template, read it back into a result file,
/// render the blank form; bad templates and arguments get a clear message and exit code.
/// </summary>
public sealed class OcrCommandTests : IDisposable
{
    private static readonly string Template = Path.Combine(RepositoryFolder.Root, "apps", "packages", "trade-fair-orders", "ocr", "apparel_order.template.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("ocr-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SkippableFact]
    public async Task A_generated_corpus_is_read_back_into_one_result_per_page()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        var corpus = Path.Combine(_folder, "corpus");
        var result = Path.Combine(_folder, "result.json");

        var made = await RunAsync("ocr", "corpus", "--template", Template, "--count", "3", "--out", corpus, "--seed", "5");
        File.Delete(Path.Combine(corpus, "blank.png"));
        var read = await RunAsync("ocr", "recognize", "--template", Template, "--out", result, "--crops", Path.Combine(_folder, "crops"), corpus);

        Assert.Equal((0, 0), (made.Code, read.Code));
        Assert.Contains("3 of 3 pages read", read.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(File.ReadAllText(result));
        var pages = json.RootElement.GetProperty("pages");
        Assert.Equal(3, pages.GetArrayLength());
        var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(corpus, "page-0001.json"))).RootElement.GetProperty("values").GetProperty("dealer_code").GetString();
        var first = pages.EnumerateArray().Single(p => p.GetProperty("source").GetString()!.EndsWith("page-0001.jpg", StringComparison.Ordinal));
        Assert.Equal(truth, first.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("path").GetString() == "dealer_code").GetProperty("value").GetString());
        Assert.True(File.Exists(Path.Combine(_folder, "crops", "page-0001-p1", "dealer_code.png")));
    }

    [SkippableFact]
    public async Task A_page_that_cannot_be_read_is_reported_and_the_exit_code_says_so()
    {
        Skip.IfNot(NativeLibraries.Available, NativeLibraries.Describe());
        var bad = Path.Combine(_folder, "scan.jpg");
        File.WriteAllText(bad, "not a scan");

        var (code, output, error) = await RunAsync("ocr", "recognize", "--template", Template, "--out", Path.Combine(_folder, "r.json"), bad);

        Assert.Equal(1, code);
        Assert.Contains("0 of 1 pages read", output, StringComparison.Ordinal);
        Assert.Contains("Rejected — The file is not an image", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_template_or_missing_option_is_named()
    {
        var template = Path.Combine(_folder, "t.json");
        File.WriteAllText(template, """{ "name": "x", "page": { "width": 10, "height": 10 } }""");

        var badTemplate = await RunAsync("ocr", "corpus", "--template", template, "--count", "2", "--out", _folder);
        var noCount = await RunAsync("ocr", "corpus", "--template", Template, "--out", _folder);
        var unknown = await RunAsync("ocr", "recognize", "--template", Template, "--colour", "red");

        Assert.Equal(2, badTemplate.Code);
        Assert.Contains("t.json: page: 10 × 10", badTemplate.Error, StringComparison.Ordinal);
        Assert.Equal(2, noCount.Code);
        Assert.Contains("--count", noCount.Error, StringComparison.Ordinal);
        Assert.Contains("Unknown option or missing value: --colour", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_blank_form_renders_at_its_paper_size()
    {
        var file = Path.Combine(_folder, "blank.png");

        var (code, output, _) = await RunAsync("ocr", "blank", "--template", Template, "--out", file);

        Assert.Equal(0, code);
        Assert.Contains("1654 × 2339 at 200 DPI", output, StringComparison.Ordinal);
        using var image = SkiaSharp.SKBitmap.Decode(file);
        Assert.Equal((1654, 2339), (image.Width, image.Height));
    }
}
