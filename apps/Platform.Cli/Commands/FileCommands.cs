using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data;
using Platform.Data.Files;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform files move --to disk|database [--dry-run]</c>: carries every uploaded file's bytes to the other store (each copied as a stream,
/// checked against its hash, then the old copy removed — a move that stops half way leaves every file readable where it is; progress every 5 s; a
/// file that cannot be read is named and left where it is, and the command then fails), and
/// <c>platform files sweep [--older-than 24h]</c>: removes uploads nobody attached. Both may run while the hosts serve.
/// </summary>
public static class FileCommands
{
    private const int Batch = 200;

    public static async Task<int> MoveAsync(IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        var target = CliArguments.ValueOf(options, "--to");
        if (!FileStores.IsKnown(target))
        {
            await error.WriteLineAsync($"Say where the files go: --to {FileStores.Disk} or --to {FileStores.Database}.");
            return CliApplication.Usage;
        }

        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        if (await MissingDatabaseAsync(services, database.DataDirectory, error))
        {
            return CliApplication.Failed;
        }

        var (waiting, waitingBytes) = await WaitingAsync(services, target!);
        if (options.Contains("--dry-run"))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Would move {waiting} files ({Megabytes(waitingBytes)}) to the {target} store. Nothing was changed."));
            return CliApplication.Ok;
        }

        var clock = Stopwatch.StartNew();
        var told = TimeSpan.Zero;
        var (moved, bytes) = (0, 0L);
        var failed = new List<string>();
        Guid? after = null;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var files = scope.ServiceProvider.GetRequiredService<FileStore>();
            // After the last file looked at: one that could not be moved is not taken up again in this run.
            var batch = await db.StoredFiles.AsNoTracking().Where(f => f.Store != target && (after == null || f.Id.CompareTo(after.Value) > 0))
                .OrderBy(f => f.Id).Take(Batch).ToListAsync();
            foreach (var file in batch)
            {
                try
                {
                    if (await files.MoveAsync(file, target!, CancellationToken.None))
                    {
                        (moved, bytes) = (moved + 1, bytes + file.Size);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    failed.Add($"  {file.Id} {file.Name}: {e.Message}");
                }

                if (clock.Elapsed - told >= ProgressEvery)
                {
                    told = clock.Elapsed;
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"Moved {moved} of {waiting} files ({Megabytes(bytes)} of {Megabytes(waitingBytes)}) so far, {clock.Elapsed.TotalSeconds:F0} s."));
                }
            }

            if (batch.Count < Batch)
            {
                break;
            }

            after = batch[^1].Id;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Moved {moved} files ({Megabytes(bytes)}) to the {target} store in {clock.Elapsed.TotalSeconds:F1} s. Set Platform:Files:Store={target} so new uploads go there too."));
        if (failed.Count == 0)
        {
            return CliApplication.Ok;
        }

        await error.WriteLineAsync($"{failed.Count} files could not be moved and stay readable where they are:");
        foreach (var line in failed)
        {
            await error.WriteLineAsync(line);
        }

        return CliApplication.Failed;
    }

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");

    /// <summary>How many files, of how many bytes, are not yet in <paramref name="target"/>.</summary>
    private static async Task<(int Files, long Bytes)> WaitingAsync(ServiceProvider services, string target)
    {
        await using var scope = services.CreateAsyncScope();
        var waiting = scope.ServiceProvider.GetRequiredService<PlatformDbContext>().StoredFiles.Where(f => f.Store != target);
        return (await waiting.CountAsync(), await waiting.SumAsync(f => f.Size));
    }

    public static async Task<int> SweepAsync(IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        var given = CliArguments.ValueOf(options, "--older-than");
        TimeSpan grace;
        if (given is null)
        {
            grace = services.GetRequiredService<FileStoreSettings>().OrphanGrace;
        }
        else if (!TryParseAge(given, out grace) || grace < FileStoreSettings.ShortestGrace)
        {
            await error.WriteLineAsync($"--older-than takes an age of at least {FileStoreSettings.ShortestGrace.TotalMinutes:0}m, such as 24h, 90m or 7d; '{given}' is none.");
            return CliApplication.Usage;
        }

        if (await MissingDatabaseAsync(services, database.DataDirectory, error))
        {
            return CliApplication.Failed;
        }

        await using var scope = services.CreateAsyncScope();
        var removed = await scope.ServiceProvider.GetRequiredService<FileSweeper>().SweepAsync(grace, CancellationToken.None);
        await output.WriteLineAsync($"Removed {removed} uploads left unattached for more than {grace}.");
        return CliApplication.Ok;
    }

    private static bool TryParseAge(string text, out TimeSpan age)
    {
        age = default;
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        age = text[^1] switch { 'm' => TimeSpan.FromMinutes(n), 'h' => TimeSpan.FromHours(n), 'd' => TimeSpan.FromDays(n), _ => TimeSpan.MinValue };
        return age != TimeSpan.MinValue;
    }

    private static async Task<bool> MissingDatabaseAsync(ServiceProvider services, string dataDirectory, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (await db.GetService<IRelationalDatabaseCreator>().ExistsAsync() && (await db.Database.GetAppliedMigrationsAsync()).Any())
        {
            return false;
        }

        await error.WriteLineAsync($"No platform database found (data directory {dataDirectory}). Start the host once, or point --content-root / --ConnectionStrings:Platform at the right one.");
        return true;
    }
}
