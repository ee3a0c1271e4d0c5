using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Configuration;

namespace Platform.Data.Files;

/// <summary>
/// Keeps uploaded files in the data folder (<c>files/yyyy/MM/id</c>) and describes them in the
/// database. Content is streamed to disk with its size bounded and its hash taken on the way; image
/// types are recognised from the bytes, never taken from the client.
/// </summary>
public sealed class FileStore(PlatformDbContext db, DatabaseSettings settings, TimeProvider clock) : IFileStore
{
    public string Root => Path.Combine(settings.DataDirectory, "files");

    /// <summary>Stores the content; null when it is empty or larger than <paramref name="maxBytes"/> (nothing is kept then).</summary>
    public async Task<StoredFile?> SaveAsync(Stream content, string? fileName, string? declaredType, string userId, long maxBytes, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        var relative = $"{now:yyyy}/{now:MM}/{id:N}";
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".part";
        long size = 0;
        var head = new byte[16];
        var headLength = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
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
                    await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (size == 0)
            {
                return null;
            }

            File.Move(temporary, path);
            var file = new StoredFile
            {
                Id = id, Name = CleanName(fileName), ContentType = ImageType(head.AsSpan(0, headLength)) ?? PlainType(declaredType), Size = size,
                Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset()), Path = relative, UploadedAt = now, UploadedBy = userId,
            };
            db.StoredFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            return file;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id, cancellationToken);

    /// <summary>A file uploaded and not yet attached to any record (a spreadsheet about to be imported).</summary>
    public Task<StoredFile?> FindUnattachedAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id && f.RecordId == null, cancellationToken);

    public Stream Open(StoredFile file) => new FileStream(Path.Combine(Root, file.Path), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

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
