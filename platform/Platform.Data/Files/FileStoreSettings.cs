using Microsoft.Extensions.Configuration;

namespace Platform.Data.Files;

/// <summary>
/// Where uploaded files are kept (<c>Platform:Files</c>): on disk in <see cref="Folder"/> — the data folder's <c>files</c> on one
/// machine, a shared mount when several hosts serve one database — or in the database itself, where every host finds them and
/// the database's backup holds them. Uploads nobody attached are removed after <see cref="OrphanGrace"/>.
/// </summary>
public sealed class FileStoreSettings
{
    /// <summary><see cref="FileStores.Disk"/> (default) or <see cref="FileStores.Database"/>: where new uploads go. Files already stored stay where they are until moved.</summary>
    public string Store { get; init; } = FileStores.Disk;

    /// <summary>The folder of the disk store; empty for the data folder's <c>files</c>.</summary>
    public string? Folder { get; init; }

    /// <summary>How long an upload may wait to be attached to a record (or read by an import or a scan batch) before it is removed.</summary>
    public TimeSpan OrphanGrace { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How often a host looks for such uploads; zero looks never.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The shortest grace: an upload being attached right now must never be taken for a forgotten one.</summary>
    public static readonly TimeSpan ShortestGrace = TimeSpan.FromMinutes(10);

    public static FileStoreSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection("Platform:Files").Get<FileStoreSettings>() ?? new FileStoreSettings();
        if (!FileStores.IsKnown(settings.Store))
        {
            throw new InvalidOperationException($"Platform:Files:Store is '{settings.Store}'; it must be '{FileStores.Disk}' or '{FileStores.Database}'.");
        }

        return settings.OrphanGrace >= ShortestGrace
            ? settings
            : throw new InvalidOperationException($"Platform:Files:OrphanGrace is {settings.OrphanGrace}; it must be at least {ShortestGrace} (uploads waiting to be saved with a record would be removed).");
    }

    /// <summary>The disk store's folder, absolute.</summary>
    public string FolderUnder(string dataDirectory) => Path.GetFullPath(string.IsNullOrWhiteSpace(Folder) ? Path.Combine(dataDirectory, "files") : Folder);
}

/// <summary>The places a file's bytes can be kept.</summary>
public static class FileStores
{
    public const string Disk = "disk";

    public const string Database = "database";

    public static bool IsKnown(string? store) => store is Disk or Database;
}
