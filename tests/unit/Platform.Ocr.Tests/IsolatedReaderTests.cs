using System.Diagnostics;
using Platform.Ocr.Pipeline;

namespace Platform.Ocr.Tests;

/// <summary>
/// Files read in worker processes: a worker that crashes (as a native fault would end it) or hangs
/// costs only the file it was on; the file gets a rejected page saying so and the batch goes on
/// with a new worker.
/// </summary>
public sealed class IsolatedReaderTests
{
    /// <summary>A stand-in worker that answers like <c>ocr worker</c>, dies by SIGSEGV on crash.png and hangs on hang.png.</summary>
    private const string Script = """
        while IFS= read -r file; do
          case "$file" in
            *crash.png) kill -SEGV $$ ;;
            *hang.png) sleep 30 ;;
          esac
          printf '[{"source":"%s","page":1,"status":"read","reason":null,"cells":[],"lines":[]}]\n' "$file"
        done
        """;

    private static ProcessStartInfo Worker()
    {
        var start = new ProcessStartInfo("/bin/bash");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        return start;
    }

    [SkippableFact]
    public async Task A_crashing_or_hanging_file_is_set_aside_and_the_others_are_read()
    {
        Skip.IfNot(File.Exists("/bin/bash"), "needs /bin/bash for the stand-in worker");
        var files = new[] { "a.png", "crash.png", "b.png", "hang.png", "c.png", "d.png" };
        var reader = new IsolatedFormReader(Worker, workers: 2, perFile: TimeSpan.FromSeconds(3));

        var pages = await reader.ReadFilesAsync(files);

        Assert.Equal(files, pages.Select(p => p.Source));
        var bySource = pages.ToDictionary(p => p.Source);
        Assert.All(new[] { "a.png", "b.png", "c.png", "d.png" }, f => Assert.Equal(PageStatus.Read, bySource[f].Status));
        Assert.Equal(PageStatus.Rejected, bySource["crash.png"].Status);
        Assert.Contains("stopped on this file (exit code", bySource["crash.png"].Reason, StringComparison.Ordinal);
        Assert.Equal(PageStatus.Rejected, bySource["hang.png"].Status);
        Assert.Contains("took longer than", bySource["hang.png"].Reason, StringComparison.Ordinal);
        Assert.InRange(reader.Started, 3, 4); // two at the start, one after the crash, and one after the hang if files were left
    }
}
