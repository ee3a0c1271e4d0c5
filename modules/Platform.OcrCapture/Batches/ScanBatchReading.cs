using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Jobs;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Ocr.Recognition;
using Platform.Ocr.Templates;
using Platform.Records.Files;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Batches;

/// <summary>
/// Reads a batch, as a durable background job: first every file not yet opened is counted into pending pages
/// (in upload order), then the pending pages are read in parallel across the cores, each page's result and
/// cells written in one transaction that only succeeds while the page is still pending. Taken up again after a
/// restart, the job goes on with the pages still pending — none is lost and none is written twice. A page
/// that stopped the reader <see cref="MostAttempts"/> times is given up with that reason, so one poisoned
/// scan cannot hold the batch.
/// </summary>
public sealed class ScanBatchReading(IServiceScopeFactory scopes, RecognizerPool recognizers, TimeProvider clock) : IBackgroundJobHandler
{
    public const string JobKind = "ocr.batch";

    public const int MostAttempts = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Kind => JobKind;

    /// <summary>How many pages are read at once (the cores, by default).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public async Task RunAsync(BackgroundJobRun run, CancellationToken cancellationToken)
    {
        var batchId = Guid.Parse(run.Subject);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IScanBatchStore>();
        if (await store.FindBatchAsync(batchId, cancellationToken) is not { } batch)
        {
            return; // deleted meanwhile: nothing to read
        }

        var template = FormTemplate.Parse(batch.Template, batch.TemplateName);
        foreach (var source in await scope.ServiceProvider.GetRequiredService<Templates.EntityChoices>().FillAsync(template, cancellationToken))
        {
            scope.ServiceProvider.GetRequiredService<ILogger<ScanBatchReading>>()
                .LogWarning("Batch {Batch}: the allowed values of {Source} cannot be used (no such field, or more than {Most} values); its cells are checked by their pattern only",
                    batchId, source, Templates.EntityChoices.MaxValues);
        }
        await store.SetBatchStateAsync(batchId, ScanBatchStates.Reading, cancellationToken: cancellationToken);
        var folder = Directory.CreateTempSubdirectory("platform-ocr-batch-");
        try
        {
            var files = await store.FilesAsync(batchId, cancellationToken);
            var local = new ConcurrentDictionary<Guid, Lazy<Task<(ScanDocument? Document, Problem? Refusal)>>>();
            Task<(ScanDocument? Document, Problem? Refusal)> Document(ScanFileEntry file) =>
                local.GetOrAdd(file.Id, _ => new Lazy<Task<(ScanDocument?, Problem?)>>(() => OpenAsync(file, folder.FullName, template.Page.Dpi, cancellationToken))).Value;

            await OpenFilesAsync(store, batchId, files, Document, cancellationToken);
            var pages = await store.PagesAsync(batchId, cancellationToken);
            var total = pages.Count;
            var done = pages.Count(p => p.State != ScannedPageStates.Pending);
            await run.ReportAsync(done, total, cancellationToken);
            var byId = files.ToDictionary(f => f.Id);
            var reader = new FormReader(template, recognizers) { KeepCrops = true };
            await Parallel.ForEachAsync(pages.Where(p => p.State == ScannedPageStates.Pending), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (page, token) =>
                {
                    await ReadPageAsync(reader, page, byId[page.FileId], Document, token);
                    Platform.Abstractions.Telemetry.PlatformTelemetry.OcrPages.Add(1);
                    await run.ReportAsync(Interlocked.Increment(ref done), total, token);
                });
            await store.SetBatchStateAsync(batchId, ScanBatchStates.Read, clock.GetUtcNow(), cancellationToken);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Counts the pages of every file not yet opened, in upload order, so pages are numbered through the batch.</summary>
    private async Task OpenFilesAsync(IScanBatchStore store, Guid batchId, IReadOnlyList<ScanFileEntry> files,
        Func<ScanFileEntry, Task<(ScanDocument? Document, Problem? Refusal)>> document, CancellationToken cancellationToken)
    {
        var before = 0;
        foreach (var file in files)
        {
            if (file.PageCount is { } counted)
            {
                before += counted;
                continue;
            }

            var (opened, refusal) = await document(file);
            var count = opened?.PageCount ?? 1;
            var pages = Enumerable.Range(1, count).Select(number => new ScannedPage
            {
                Id = Guid.CreateVersion7(), BatchId = batchId, FileId = file.Id, Ordinal = before + number, PageNumber = number,
                State = refusal is null ? ScannedPageStates.Pending : ScannedPageStates.Rejected, Reason = refusal?.Text, ReasonCode = refusal?.Code,
                ReadAt = refusal is null ? null : clock.GetUtcNow(),
            }).ToList();
            await store.OpenFileAsync(file.Id, pages, cancellationToken);
            before += count;
        }
    }

    /// <summary>Copies a stored file to this host's working folder and opens it; a file that is no readable scan answers why.</summary>
    private async Task<(ScanDocument?, Problem?)> OpenAsync(ScanFileEntry file, string folder, int dpi, CancellationToken cancellationToken)
    {
        if (file.Refusal is not null)
        {
            return (null, new Problem(file.Refusal, file.Refusal == PageProblems.Empty
                ? "The file is empty."
                : $"The file is larger than {ScanDocument.MaxBytes / (1024 * 1024)} MB; scans of at most that size are accepted."));
        }

        await using var scope = scopes.CreateAsyncScope();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        if (await files.FindAsync(file.StoredFileId, cancellationToken) is not { } stored)
        {
            return (null, new Problem(PageProblems.FileMissing, "The uploaded file is no longer stored."));
        }

        var path = Path.Combine(folder, file.Id.ToString("N"));
        await using (var source = await files.OpenAsync(stored, cancellationToken))
        await using (var target = File.Create(path))
        {
            await source.CopyToAsync(target, cancellationToken);
        }

        try
        {
            return (ScanDocument.Open(path, dpi), null);
        }
        catch (ImageRejectedException e)
        {
            return (null, new Problem(e.Code, e.Message));
        }
    }

    /// <summary>Why a file or page was not read: a <see cref="PageProblems"/> code and the details.</summary>
    private sealed record Problem(string Code, string Text);

    private async Task ReadPageAsync(FormReader reader, ScannedPage page, ScanFileEntry file,
        Func<ScanFileEntry, Task<(ScanDocument? Document, Problem? Refusal)>> document, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IScanBatchStore>();
        var attempt = await store.StartPageAsync(page.Id, cancellationToken);
        if (attempt == 0)
        {
            return; // read meanwhile by another run
        }

        if (attempt > MostAttempts)
        {
            await store.SavePageAsync(Failed(page, new Problem(PageProblems.ReaderStopped, $"The reader stopped on this page {MostAttempts} times; it was given up.")), [], cancellationToken);
            return;
        }

        var (opened, refusal) = await document(file);
        PageResult result;
        try
        {
            using var picture = opened?.Page(page.PageNumber) ?? throw new ImageRejectedException(refusal?.Text ?? "The file cannot be read.", refusal?.Code ?? PageProblems.Unreadable);
            result = reader.ReadPage(picture, file.FileName, page.PageNumber);
        }
        catch (ImageRejectedException e)
        {
            await store.SavePageAsync(Failed(page, new Problem(e.Code, e.Message)), [], cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var saved = new ScannedPage
        {
            Id = page.Id, BatchId = page.BatchId, FileId = page.FileId, Ordinal = page.Ordinal, PageNumber = page.PageNumber, State = StateOf(result.Status), Reason = result.Reason, ReasonCode = result.ReasonCode,
            Warnings = result.Warnings.Count == 0 ? null : string.Join(',', result.Warnings), TurnedOver = result.TurnedOver, Milliseconds = Math.Round(result.Milliseconds, 1), ReadAt = now,
            Lines = result.Lines.Count == 0 ? null : JsonSerializer.Serialize(result.Lines, Json),
        };
        var cells = result.Cells.Select(c => new ReadCell
        {
            BatchId = page.BatchId, PageId = page.Id, Path = c.Path, Field = c.Field, Kind = c.Type.ToString().ToLowerInvariant(), Value = c.Value, Confidence = Math.Round(c.Confidence, 4),
            Flags = string.Join(',', c.Flags), Crop = c.Crop,
        }).ToList();
        await store.SavePageAsync(saved, cells, cancellationToken);
    }

    private ScannedPage Failed(ScannedPage page, Problem problem) => new()
    {
        Id = page.Id, BatchId = page.BatchId, FileId = page.FileId, Ordinal = page.Ordinal, PageNumber = page.PageNumber, State = ScannedPageStates.Rejected,
        Reason = problem.Text, ReasonCode = problem.Code, ReadAt = clock.GetUtcNow(),
    };

    private static string StateOf(PageStatus status) => status switch
    {
        PageStatus.Read => ScannedPageStates.Read,
        PageStatus.Blank => ScannedPageStates.Blank,
        PageStatus.NotAligned => ScannedPageStates.NotAligned,
        _ => ScannedPageStates.Rejected,
    };
}
