using System.Diagnostics;
using Platform.Ocr.Imaging;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// Reads stacks of scans of one form: every page of every file (PNG, JPEG, BMP, single- and
/// multi-page TIFF, PDF through pdftoppm), pages in parallel across the cores. A page that cannot
/// be decoded, is blank or cannot be aligned gets a result that says why; the batch always goes on.
/// </summary>
public sealed class FormReader(FormTemplate template, RecognizerPool recognizers)
{
    /// <summary>Below this share of ink the page is taken as blank.</summary>
    private const double BlankShare = 0.002;

    private readonly CellReader _cells = new(recognizers);

    public bool KeepCrops { get; init; }

    public async Task<IReadOnlyList<PageResult>> ReadFilesAsync(IReadOnlyList<string> files, Action<PageResult>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new List<PageResult>[files.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, files.Count), new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            (i, _) =>
            {
                results[i] = [.. ReadFile(files[i])];
                results[i].ForEach(r => progress?.Invoke(r));
                return ValueTask.CompletedTask;
            });
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>Every page of one file; a file that cannot be read is one rejected page with the reason.</summary>
    public IEnumerable<PageResult> ReadFile(string file)
    {
        IReadOnlyList<Picture> pages;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > 200L * 1024 * 1024)
            {
                return [PageResult.Failed(file, 1, PageStatus.Rejected, $"The file is {info.Length / (1024 * 1024)} MB; scans of at most 200 MB are accepted.", PageProblems.TooLarge)];
            }

            var data = File.ReadAllBytes(file);
            pages = PdfPages.IsPdf(data)
                ? [.. PdfPages.Rasterise(file, template.Page.Dpi).Select(Picture.Decode)]
                : Picture.DecodePages(data);
        }
        catch (Exception e) when (e is ImageRejectedException or IOException or UnauthorizedAccessException)
        {
            return [PageResult.Failed(file, 1, PageStatus.Rejected, e.Message, (e as ImageRejectedException)?.Code ?? PageProblems.Unreadable)];
        }

        var results = new List<PageResult>();
        for (var i = 0; i < pages.Count; i++)
        {
            using var page = pages[i];
            results.Add(ReadPage(page, file, i + 1));
        }

        return results;
    }

    /// <summary>Reads one page; never throws for what is on the page.</summary>
    public PageResult ReadPage(Picture scan, string source, int number)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            if (IsBlank(scan))
            {
                return PageResult.Failed(source, number, PageStatus.Blank, "The page is blank.", PageProblems.Blank) with { Milliseconds = clock.Elapsed.TotalMilliseconds };
            }

            using var aligned = PageAligner.Align(scan, template, out var reason);
            if (aligned is null)
            {
                return PageResult.Failed(source, number, PageStatus.NotAligned, reason ?? "The page could not be aligned.", PageProblems.NotAligned) with { Milliseconds = clock.Elapsed.TotalMilliseconds };
            }

            var placed = template.PlacedCells().ToList();
            var cells = CellValidator.CheckGroups(CellValidator.CheckSums([.. placed.Select(p => CellValidator.Check(_cells.Read(aligned, p, KeepCrops), p.Cell))], template), template);
            return new PageResult(source, number, PageStatus.Read, null, cells, LineItems.Of(template, cells))
            {
                TurnedOver = aligned.TurnedOver, Warnings = aligned.Warnings, Skew = Math.Round(aligned.Skew, 2), Milliseconds = clock.Elapsed.TotalMilliseconds,
            };
        }
        catch (ImageRejectedException e)
        {
            return PageResult.Failed(source, number, PageStatus.Rejected, e.Message, e.Code) with { Milliseconds = clock.Elapsed.TotalMilliseconds };
        }
    }

    private static bool IsBlank(Picture scan)
    {
        using var grey = scan.Depth == 8 ? scan.Share() : scan.ToGrey();
        using var ink = grey.Threshold(110);
        return ink.CountInk() < (double)ink.Width * ink.Height * BlankShare;
    }
}
