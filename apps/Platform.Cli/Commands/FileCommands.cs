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
/// <c>platform files move --to disk|database</c>: carries every uploaded file's bytes to the other store (each copied as a stream,
/// checked against its hash, then the old copy removed — a move that stops half way leaves every file readable where it is), and
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

        var clock = Stopwatch.StartNew();
        var (moved, bytes) = (0, 0L);
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var files = scope.ServiceProvider.GetRequiredService<FileStore>();
            var batch = await db.StoredFiles.AsNoTracking().Where(f => f.Store != target).OrderBy(f => f.Id).Take(Batch).ToListAsync();
            foreach (var file in batch)
            {
                if (await files.MoveAsync(file, target!, CancellationToken.None))
                {
                    (moved, bytes) = (moved + 1, bytes + file.Size);
                }
            }

            if (batch.Count < Batch)
            {
                break;
            }
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Moved {moved} files ({bytes / 1024.0 / 1024.0:F1} MB) to the {target} store in {clock.Elapsed.TotalSeconds:F1} s. Set Platform:Files:Store={target} so new uploads go there too."));
        return CliApplication.Ok;
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
