using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Ocr.Imaging;
using Platform.Ocr.Pipeline;
using Platform.Records.Files;
using Platform.Records.People;

namespace Platform.OcrCapture.Batches;

/// <summary>A folder a scanner saves into: what lands there becomes a batch of <see cref="Template"/>, made in the name of <see cref="User"/>.</summary>
public sealed class WatchedFolder
{
    public string Path { get; set; } = "";

    /// <summary>The form template the scans are read with.</summary>
    public string Template { get; set; } = "";

    /// <summary>The user name the batches are made as (it needs the right to upload scans).</summary>
    public string User { get; set; } = "admin";

    /// <summary>The batches' name before the date and time; the folder's name when left out.</summary>
    public string? Name { get; set; }
}

/// <summary><c>Platform:Ocr:WatchedFolders</c> (a list) and how often they are looked at.</summary>
public sealed class WatchedFolderSettings
{
    public List<WatchedFolder> Folders { get; set; } = [];

    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A file is taken once it has not changed for this long (the scanner has finished writing it).</summary>
    public TimeSpan Settle { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Files a host took but never made a batch of (it died) go back to the folder after this long.</summary>
    public TimeSpan Abandoned { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Hot folders for scanners: every few seconds, the scans that settled in a watched folder are taken — moved into
/// <c>.taken/…</c> first, a rename only one host can win, so several hosts may watch the same shared folder — and
/// uploaded as one batch; the files then move to <c>done/{batch}</c>, or to <c>failed/…</c> with <c>reason.txt</c> when
/// no batch could be made (no such template, no such user). Files that are no scans are left where they are.
/// </summary>
public sealed class WatchedFolders(IServiceScopeFactory scopes, WatchedFolderSettings settings, TimeProvider clock, ILogger<WatchedFolders> logger) : BackgroundService
{
    public const string Taken = ".taken";

    /// <summary>Folders found missing, said once (not every few seconds) until they exist.</summary>
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Folders.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            foreach (var folder in settings.Folders)
            {
                try
                {
                    await WatchAsync(folder, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Watched folder {Folder}: {Message}", folder.Path, e.Message);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One look at a folder: takes what settled and makes it a batch; answers the batch made, if any.</summary>
    public async Task<Guid?> WatchAsync(WatchedFolder folder, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder.Path))
        {
            if (_missing.Add(folder.Path))
            {
                logger.LogWarning("Watched folder {Folder} does not exist; it is looked for again every {Interval} and taken from once it does", folder.Path, settings.Interval);
            }

            return null;
        }

        if (_missing.Remove(folder.Path))
        {
            logger.LogInformation("Watched folder {Folder} exists now", folder.Path);
        }

        GiveBackAbandoned(folder);
        var now = clock.GetUtcNow().UtcDateTime;
        var settled = ScanFiles.In(folder.Path).Where(f => now - File.GetLastWriteTimeUtc(f) >= settings.Settle).ToList();
        if (settled.Count == 0)
        {
            return null;
        }

        var taken = Path.Combine(folder.Path, Taken, Guid.CreateVersion7().ToString());
        Directory.CreateDirectory(taken);
        var files = new List<string>();
        foreach (var file in settled.Take(ScanBatchService.MostFiles))
        {
            try
            {
                var target = Path.Combine(taken, Path.GetFileName(file));
                File.Move(file, target);
                files.Add(target);
            }
            catch (IOException)
            {
                // Taken by another host a moment ago, or still open: the next look sees it again if it is still there.
            }
        }

        if (files.Count == 0)
        {
            Directory.Delete(taken);
            return null;
        }

        try
        {
            var batch = await MakeBatchAsync(folder, files, cancellationToken);
            Directory.Move(taken, Destination(folder, "done", batch.ToString()));
            logger.LogInformation("Watched folder {Folder}: {Count} files became batch {Batch}", folder.Path, files.Count, batch);
            return batch;
        }
        catch (CaptureRefusedException e)
        {
            var failed = Destination(folder, "failed", Path.GetFileName(taken));
            Directory.Move(taken, failed);
            await File.WriteAllTextAsync(Path.Combine(failed, "reason.txt"), $"{e.Key} {string.Join(", ", e.Arguments)}{Environment.NewLine}", cancellationToken);
            logger.LogWarning("Watched folder {Folder}: no batch made ({Reason}); the files are in {Failed}", folder.Path, e.Key, failed);
            return null;
        }
    }

    private async Task<Guid> MakeBatchAsync(WatchedFolder folder, List<string> files, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<IPeopleDirectory>();
        var user = (await people.FindUsersAsync(folder.User, 0, 20, cancellationToken)).Page.FirstOrDefault(u => string.Equals(u.Name, folder.User, StringComparison.OrdinalIgnoreCase))
                   ?? throw new CaptureRefusedException("OcrCapture.Error.NoUser", folder.User);
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var uploads = new List<ScanUpload>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            await using var content = File.OpenRead(file);
            var stored = content.Length == 0 ? null : await store.SaveAsync(content, name, null, user.Id, ScanDocument.MaxBytes, cancellationToken);
            uploads.Add(stored is not null ? new ScanUpload(name, stored.Size, stored.Id, null)
                : new ScanUpload(name, content.Length, null, content.Length == 0 ? PageProblems.Empty : PageProblems.TooLarge));
        }

        var batchName = $"{folder.Name ?? Path.GetFileName(Path.TrimEndingDirectorySeparator(folder.Path))} {clock.GetLocalNow():yyyy-MM-dd HH:mm:ss}";
        return (await scope.ServiceProvider.GetRequiredService<ScanBatchService>().CreateAsync(folder.Template, batchName, uploads, user.Id, cancellationToken)).Id;
    }

    /// <summary>Files a host took long ago but made no batch of (it stopped on the way) go back to the folder.</summary>
    private void GiveBackAbandoned(WatchedFolder folder)
    {
        var taken = Path.Combine(folder.Path, Taken);
        if (!Directory.Exists(taken))
        {
            return;
        }

        foreach (var left in Directory.EnumerateDirectories(taken).ToList())
        {
            // Another host may be moving the same folder to done/ or failed/ right now: one it no longer finds is not abandoned.
            var created = Directory.GetCreationTimeUtc(left);
            if (!Directory.Exists(left) || clock.GetUtcNow().UtcDateTime - created <= settings.Abandoned)
            {
                continue;
            }

            try
            {
                foreach (var file in Directory.EnumerateFiles(left).ToList())
                {
                    File.Move(file, Path.Combine(folder.Path, Path.GetFileName(file)), overwrite: false);
                }

                Directory.Delete(left);
                logger.LogWarning("Watched folder {Folder}: files taken but never made a batch were given back ({Taken})", folder.Path, left);
            }
            catch (IOException e) when (e is DirectoryNotFoundException or FileNotFoundException || !Directory.Exists(left))
            {
                // Gone meanwhile (another host finished or gave it back): nothing to give back.
            }
        }
    }

    private static string Destination(WatchedFolder folder, string kind, string name)
    {
        var parent = Path.Combine(folder.Path, kind);
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, name);
    }
}
