using System.Diagnostics;

namespace Platform.Ocr.Pipeline;

/// <summary>
/// Reads files in worker processes, one per core, so that a crash inside Tesseract or Leptonica (a
/// native fault .NET cannot catch) costs one file, not the batch: the file gets a rejected page
/// saying so, a new worker starts, and the batch goes on. A worker reads file paths on its input,
/// one per line, and answers each with one line of JSON (<see cref="PageResultJson"/>).
/// </summary>
public sealed class IsolatedFormReader(Func<ProcessStartInfo> worker, int workers, TimeSpan? perFile = null)
{
    private readonly TimeSpan _perFile = perFile ?? TimeSpan.FromMinutes(5);

    /// <summary>How many workers were started in all (more than <c>workers</c> when some died).</summary>
    public int Started => _started;

    private int _started;

    public async Task<IReadOnlyList<PageResult>> ReadFilesAsync(IReadOnlyList<string> files, Action<PageResult>? progress = null, CancellationToken cancellationToken = default)
    {
        var results = new IReadOnlyList<PageResult>[files.Count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Math.Max(1, Math.Min(workers, files.Count))).Select(async _ =>
        {
            Process? process = null;
            try
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < files.Count)
                {
                    process ??= Start();
                    var (pages, alive) = await AskAsync(process, files[i], cancellationToken);
                    results[i] = pages;
                    foreach (var page in pages)
                    {
                        progress?.Invoke(page);
                    }

                    if (!alive)
                    {
                        Stop(process);
                        process = null;
                    }
                }
            }
            finally
            {
                if (process is not null)
                {
                    await process.StandardInput.DisposeAsync();
                    Stop(process);
                }
            }
        }));
        return [.. results.SelectMany(r => r)];
    }

    private Process Start()
    {
        Interlocked.Increment(ref _started);
        var start = worker();
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.UseShellExecute = false;
        return Process.Start(start) ?? throw new InvalidOperationException($"The OCR worker {start.FileName} could not be started.");
    }

    /// <summary>Sends one file and waits for its answer; a worker that dies, hangs or answers nonsense costs only this file.</summary>
    private async Task<(IReadOnlyList<PageResult> Pages, bool Alive)> AskAsync(Process process, string file, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteLineAsync(file.AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_perFile);
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is not null && PageResultJson.Parse(line) is { Count: > 0 } pages)
            {
                return (pages, true);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ([PageResult.Failed(file, 1, PageStatus.Rejected, $"Reading the file took longer than {_perFile.TotalMinutes:0} minutes; it was set aside.", PageProblems.ReaderStopped)], false);
        }
        catch (IOException)
        {
            // The worker's pipe broke: it died.
        }

        await Task.WhenAny(process.WaitForExitAsync(cancellationToken), Task.Delay(2000, cancellationToken));
        var how = process.HasExited ? $"exit code {process.ExitCode}" : "no answer";
        return ([PageResult.Failed(file, 1, PageStatus.Rejected, $"The recognizer stopped on this file ({how}); the file was set aside and the batch went on.", PageProblems.ReaderStopped)], false);
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        finally
        {
            process.Dispose();
        }
    }
}
