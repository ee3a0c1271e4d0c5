using Platform.Abstractions.Jobs;
using Platform.Ocr.Templates;
using Platform.Records.Ocr;

namespace Platform.OcrCapture.Batches;

/// <summary>
/// Makes a batch from uploaded scans: the template as it is now is kept with the batch, every file in upload
/// order, and the job that reads it — all in one commit, so there is never a batch nobody will read.
/// </summary>
public sealed class ScanBatchService(IScanBatchStore store, IBackgroundJobs jobs, TimeProvider clock)
{
    public const int MostFiles = 2000;

    public async Task<ScanBatch> CreateAsync(string templateName, string? name, IReadOnlyList<ScanUpload> uploads, string userId, CancellationToken cancellationToken)
    {
        var stored = await store.FindTemplateAsync(templateName, cancellationToken)
                     ?? throw new CaptureRefusedException("OcrCapture.Error.NoTemplate", templateName);
        if (!stored.IsPublished)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NeverPublished", templateName);
        }

        if (uploads.Count == 0)
        {
            throw new CaptureRefusedException("OcrCapture.Error.NoFiles");
        }

        if (uploads.Count > MostFiles)
        {
            throw new CaptureRefusedException("OcrCapture.Error.TooManyFiles", uploads.Count, MostFiles);
        }

        var template = FormTemplate.Parse(stored.Definition, stored.Name);
        var now = clock.GetUtcNow();
        var batch = new ScanBatch
        {
            Id = Guid.CreateVersion7(now), TemplateName = stored.Name, TemplateVersion = stored.Version, Template = stored.Definition, CreatedAt = now, CreatedBy = userId,
            Name = string.IsNullOrWhiteSpace(name) ? $"{template.Label.GetValueOrDefault("zh-CN") ?? template.Name} {now:yyyy-MM-dd HH:mm}" : name.Trim()[..Math.Min(name.Trim().Length, 200)],
        };
        var files = uploads.Select((u, i) => new ScanFile
        {
            Id = Guid.CreateVersion7(now), BatchId = batch.Id, Ordinal = i + 1, FileName = Clip(u.FileName, 260), Size = u.Size, StoredFileId = u.StoredFileId ?? Guid.Empty,
            Refusal = u.Refusal,
        }).ToList();
        batch.JobId = jobs.Queue(ScanBatchReading.JobKind, batch.Id.ToString(), userId);
        store.AddBatch(batch, files);
        await store.SaveChangesAsync(cancellationToken);
        return batch;
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..length];
}
