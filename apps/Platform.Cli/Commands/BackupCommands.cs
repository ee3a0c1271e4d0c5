using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Configuration;

namespace Platform.Cli.Commands;

/// <summary>
/// <c>platform backup FILE.zip</c> and <c>platform restore FILE.zip [--replace]</c> for the embedded SQLite database: the database
/// copied online through SQLite's backup API (a consistent copy while the host keeps running and writing) with the uploaded
/// files beside it, in one zip; restored only into a data folder without a database unless told to replace one — and then
/// what was there is moved aside, not deleted. PostgreSQL and SQL Server are backed up with their own tools (docs/operations.md).
/// </summary>
public static class BackupCommands
{
    private const string DatabaseEntry = "platform.db";

    private const string FilesFolder = "files/";

    private const string ManifestEntry = "backup.json";

    private const int Format = 1;

    public static async Task<int> BackupAsync(string target, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        var (database, file, files) = Sqlite(settings, options);
        if (file is null)
        {
            await error.WriteLineAsync(NotSqlite(database));
            return CliApplication.Failed;
        }

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"There is no database at {file} to back up (data directory {database.DataDirectory}).");
            return CliApplication.Failed;
        }

        var clock = Stopwatch.StartNew();
        var zip = Path.GetFullPath(target);
        var copy = Path.Combine(Path.GetTempPath(), $"platform-backup-{Guid.NewGuid():N}.db");
        var partial = zip + ".part";
        try
        {
            // SQLite's online backup: every page as of one moment, while the host goes on reading and writing.
            await using (var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await source.OpenAsync();
                await destination.OpenAsync();
                source.BackupDatabase(destination);
            }

            var stored = Directory.Exists(files) ? Directory.EnumerateFiles(files, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".part", StringComparison.Ordinal)).ToList() : [];
            long fileBytes = 0;
            await using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
            using (var archive = new ZipArchive(stream, ZipArchiveMode.Create))
            {
                await AddAsync(archive, DatabaseEntry, copy);
                foreach (var path in stored)
                {
                    fileBytes += new FileInfo(path).Length;
                    await AddAsync(archive, FilesFolder + Path.GetRelativePath(files, path).Replace('\\', '/'), path);
                }

                var manifest = archive.CreateEntry(ManifestEntry);
                await using var writer = manifest.Open();
                await JsonSerializer.SerializeAsync(writer, new
                {
                    format = Format, platform = CliApplication.Version, createdAt = DateTimeOffset.UtcNow, databaseBytes = new FileInfo(copy).Length, files = stored.Count, fileBytes,
                });
            }

            File.Move(partial, zip, overwrite: true);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Backed up the database ({Megabytes(new FileInfo(copy).Length)}) and {stored.Count} files ({Megabytes(fileBytes)}) to {zip} in {clock.Elapsed.TotalSeconds:F1} s."));
            return CliApplication.Ok;
        }
        finally
        {
            File.Delete(copy);
            File.Delete(partial);
        }
    }

    public static async Task<int> RestoreAsync(string source, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        var (database, file, files) = Sqlite(settings, options);
        if (file is null)
        {
            await error.WriteLineAsync(NotSqlite(database));
            return CliApplication.Failed;
        }

        if (!File.Exists(source))
        {
            await error.WriteLineAsync($"There is no backup at {Path.GetFullPath(source)}.");
            return CliApplication.Failed;
        }

        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(source);
        }
        catch (InvalidDataException)
        {
            await error.WriteLineAsync($"{Path.GetFullPath(source)} is not a backup: it is not a zip file.");
            return CliApplication.Failed;
        }

        using (archive)
        {
            if (Problem(archive) is { } problem)
            {
                await error.WriteLineAsync($"{Path.GetFullPath(source)} is not a backup this platform can restore: {problem} Nothing was changed.");
                return CliApplication.Failed;
            }

            var replace = options.Contains("--replace");
            if (File.Exists(file) && !replace)
            {
                await error.WriteLineAsync($"The data directory {database.DataDirectory} already holds a database. Stop the host and add --replace to restore over it (what is there is moved aside, not deleted).");
                return CliApplication.Failed;
            }

            // Everything is unpacked and the copy checked beside what is there before any of that is touched: a restore that
            // stops half way (a full disk, a damaged file in the zip) leaves the data directory as it was.
            Directory.CreateDirectory(database.DataDirectory);
            var staging = Path.Combine(database.DataDirectory, $"restoring-{Guid.NewGuid():N}");
            var incoming = Path.Combine(staging, DatabaseEntry);
            // Beside the files folder, which may be a mount of its own: moving it into place is then a rename, not a copy.
            var incomingFiles = $"{files}.restoring-{Guid.NewGuid():N}";
            try
            {
                Directory.CreateDirectory(staging);
                Directory.CreateDirectory(incomingFiles);
                archive.GetEntry(DatabaseEntry)!.ExtractToFile(incoming);
                if (await CheckAsync(incoming) is { } damaged)
                {
                    await error.WriteLineAsync($"The database in {Path.GetFullPath(source)} is damaged ({damaged}). Nothing was changed.");
                    return CliApplication.Failed;
                }

                var restored = 0;
                foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith(FilesFolder, StringComparison.Ordinal) && !e.FullName.EndsWith('/')))
                {
                    var path = Path.Combine(incomingFiles, entry.FullName[FilesFolder.Length..]);
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    entry.ExtractToFile(path);
                    restored++;
                }

                string? aside = null;
                if (File.Exists(file) || Directory.Exists(files))
                {
                    aside = Path.Combine(database.DataDirectory, $"replaced-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
                    Directory.CreateDirectory(aside);
                    foreach (var part in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
                    {
                        File.Move(part, Path.Combine(aside, Path.GetFileName(part)));
                    }

                    if (Directory.Exists(files))
                    {
                        Directory.Move(files, Path.Combine(aside, "files"));
                    }
                }

                File.Move(incoming, file);
                Directory.Move(incomingFiles, files);
                await output.WriteLineAsync($"Restored the database and {restored} files into {database.DataDirectory}." + (aside is null ? "" : $" What was there is in {aside}."));
                return CliApplication.Ok;
            }
            finally
            {
                foreach (var left in new[] { staging, incomingFiles }.Where(Directory.Exists))
                {
                    Directory.Delete(left, recursive: true);
                }
            }
        }
    }

    /// <summary>What makes the zip not a backup: no manifest or database, another format, or an entry that would land outside the data folder.</summary>
    private static string? Problem(ZipArchive archive)
    {
        if (archive.GetEntry(ManifestEntry) is not { } manifest || archive.GetEntry(DatabaseEntry) is null)
        {
            return $"it has no {ManifestEntry} or no {DatabaseEntry}.";
        }

        try
        {
            using var reader = manifest.Open();
            using var json = JsonDocument.Parse(reader);
            if (!json.RootElement.TryGetProperty("format", out var format) || format.GetInt32() != Format)
            {
                return $"its {ManifestEntry} is of another format (this platform restores format {Format}).";
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return $"its {ManifestEntry} is not readable ({e.Message}).";
        }

        var outside = archive.Entries.FirstOrDefault(e => e.FullName is not (ManifestEntry or DatabaseEntry)
            && (!e.FullName.StartsWith(FilesFolder, StringComparison.Ordinal) || e.FullName.Split('/', '\\').Any(p => p is ".." or ".") || Path.IsPathRooted(e.FullName) || e.FullName.Contains('\\', StringComparison.Ordinal)));
        return outside is null ? null : $"its entry '{outside.FullName}' is not a file of the data folder.";
    }

    /// <summary>SQLite's own check of the copy, and that it is a platform database; null when it is sound.</summary>
    private static async Task<string?> CheckAsync(string file)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            if (await check.ExecuteScalarAsync() is not "ok" and var verdict)
            {
                return $"integrity check: {verdict}";
            }

            check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
            return Convert.ToInt64(await check.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 1 ? null : "it is not a platform database";
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>The database settings and, for SQLite, the database file; null for other databases.</summary>
    /// <summary>The database settings, the SQLite file (null on another database), and the folder of the uploads kept on disk.</summary>
    private static (DatabaseSettings Database, string? File, string Files) Sqlite(IReadOnlyDictionary<string, string?> settings, IReadOnlyList<string> options)
    {
        using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        var files = services.GetRequiredService<Platform.Data.Files.FileStoreSettings>().FolderUnder(database.DataDirectory);
        return (database, database.Provider.Name == "Sqlite" ? Path.GetFullPath(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource) : null, files);
    }

    private static string NotSqlite(DatabaseSettings database) =>
        $"platform backup and restore copy the embedded SQLite database; this platform runs on {database.Provider.Name}: back it up with the database's own tools (pg_dump for PostgreSQL), as docs/operations.md says.";

    private static async Task AddAsync(ZipArchive archive, string name, string path)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
        await using var target = entry.Open();
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        await content.CopyToAsync(target);
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:F1} MB");
}
