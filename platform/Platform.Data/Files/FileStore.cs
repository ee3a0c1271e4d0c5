using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Configuration;

namespace Platform.Data.Files;

/// <summary>
/// Keeps uploaded files where <see cref="FileStoreSettings"/> says — a folder (the data folder's, or one every host mounts) or the
/// database — and describes them in the database. Content is streamed with its size bounded and its hash taken on the way;
/// image types are recognised from the bytes, never taken from the client. Each file remembers where its bytes are, so files
/// stay readable when the setting changes, and <see cref="MoveAsync"/> carries them to the other place.
/// </summary>
public sealed class FileStore(PlatformDbContext db, DatabaseSettings settings, FileStoreSettings store, DbContextOptions<PlatformDbContext> options, TimeProvider clock) : IFileStore
{
    public string Root => store.FolderUnder(settings.DataDirectory);

    /// <summary>Stores the content; null when it is empty or larger than <paramref name="maxBytes"/> (nothing is kept then).</summary>
    public async Task<StoredFile?> SaveAsync(Stream content, string? fileName, string? declaredType, string userId, long maxBytes, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var contents = Contents(store.Store);
        long size = 0;
        var head = new byte[16];
        var headLength = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var writer = contents.Create(id, now);
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            size += read;
            if (size > maxBytes)
            {
                return null;
            }

            if (headLength < head.Length)
            {
                var take = Math.Min(read, head.Length - headLength);
                Array.Copy(buffer, 0, head, headLength, take);
                headLength += take;
            }

            hash.AppendData(buffer, 0, read);
            await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        if (size == 0)
        {
            return null;
        }

        await writer.CompleteAsync(cancellationToken);
        var file = new StoredFile
        {
            Id = id, Name = CleanName(fileName), ContentType = ImageType(head.AsSpan(0, headLength)) ?? PlainType(declaredType), Size = size,
            Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Path = writer.Path, Store = contents.Name, UploadedAt = now, UploadedBy = userId,
        };
        try
        {
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            db.Entry(file).State = EntityState.Detached;
            await contents.DeleteAsync(file, CancellationToken.None);
            throw;
        }

        return file;
    }

    /// <summary>
    /// Carries a file's bytes to <paramref name="target"/> (<see cref="FileStores"/>): copied as a stream, checked against the
    /// recorded hash, the record pointed at the copy, and only then the old bytes removed. False when it was there already.
    /// </summary>
    public async Task<bool> MoveAsync(StoredFile file, string target, CancellationToken cancellationToken)
    {
        if (file.Store == target)
        {
            return false;
        }

        var from = Contents(file.Store);
        var to = Contents(target);
        string path;
        await using (var writer = to.Create(file.Id, file.UploadedAt))
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var source = await from.OpenAsync(file, cancellationToken))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await writer.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (Convert.ToHexStringLower(hash.GetHashAndReset()) != file.Sha256)
            {
                throw new IOException($"The file {file.Id} ({file.Name}) does not read back as it was stored (its SHA-256 differs); it was left where it is.");
            }

            await writer.CompleteAsync(cancellationToken);
            path = writer.Path;
        }

        var old = new StoredFile { Id = file.Id, Path = file.Path, Store = file.Store };
        var moved = await db.StoredFiles.Where(f => f.Id == file.Id && f.Store == file.Store)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.Store, target).SetProperty(f => f.Path, path), cancellationToken);
        if (moved == 0)
        {
            await to.DeleteAsync(new StoredFile { Id = file.Id, Path = path, Store = target }, CancellationToken.None);
            return false; // moved meanwhile by someone else
        }

        await from.DeleteAsync(old, CancellationToken.None);
        (file.Store, file.Path) = (target, path);
        return true;
    }

    /// <summary>Removes the file's description and its bytes.</summary>
    public async Task DeleteAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await db.StoredFiles.Where(f => f.Id == file.Id).ExecuteDeleteAsync(cancellationToken);
        await Contents(file.Store).DeleteAsync(file, cancellationToken);
    }

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>A file uploaded and not yet attached to any record (a spreadsheet about to be imported).</summary>
    public Task<StoredFile?> FindUnattachedAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.RecordId == null, cancellationToken);

    public Task<Stream> OpenAsync(StoredFile file, CancellationToken cancellationToken = default) => Contents(file.Store).OpenAsync(file, cancellationToken);

    private IFileContents Contents(string name) => name switch
    {
        FileStores.Database => new DatabaseFileContents(options, clock),
        _ => new DiskFileContents(Root),
    };

    /// <summary>PNG, JPEG, GIF or WebP by their signatures; null for anything else.</summary>
    public static string? ImageType(ReadOnlySpan<byte> head) =>
        head.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith((byte[])[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8) ? "image/gif"
        : head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8) ? "image/webp"
        : null;

    /// <summary>The client's type for other files, never an image or markup type a browser would render (downloads are always attachments anyway).</summary>
    private static string PlainType(string? declared)
    {
        var type = declared?.Split(';')[0].Trim().ToLowerInvariant();
        return type is null || type.Length > 100 || type.StartsWith("image/", StringComparison.Ordinal) || type.Contains("html", StringComparison.Ordinal)
               || type.Contains("xml", StringComparison.Ordinal) || type.Contains("javascript", StringComparison.Ordinal)
               || !System.Text.RegularExpressions.Regex.IsMatch(type, "^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(50))
            ? "application/octet-stream"
            : type;
    }

    private static string CleanName(string? name)
    {
        var clean = new string(Path.GetFileName(name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        return clean.Length == 0 ? "file" : clean.Length > 255 ? clean[^255..] : clean;
    }
}
