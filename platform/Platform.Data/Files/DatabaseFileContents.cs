using Microsoft.EntityFrameworkCore;
using Platform.Records.Files;

namespace Platform.Data.Files;

/// <summary>
/// Files in the database, in pieces of <see cref="StoredFileChunk.Bytes"/>: written one piece at a time as the upload streams in and read
/// one piece at a time as the download streams out, each through a context of its own (never the request's, whose work it
/// must not save), so memory holds one piece per file whatever the file's size.
/// </summary>
internal sealed class DatabaseFileContents(DbContextOptions<PlatformDbContext> options, TimeProvider clock) : IFileContents
{
    private const int ChunkBytes = StoredFileChunk.Bytes;

    public string Name => FileStores.Database;

    public IFileContentWriter Create(Guid id, DateTimeOffset now) => new Writer(new PlatformDbContext(options), id, clock);

    public Task<Stream> OpenAsync(StoredFile file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new DatabaseFileStream(new PlatformDbContext(options), file.Id, file.Size, ChunkBytes));

    public async Task DeleteAsync(StoredFile file, CancellationToken cancellationToken)
    {
        await using var db = new PlatformDbContext(options);
        await db.Set<StoredFileChunk>().Where(c => c.FileId == file.Id).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed class Writer(PlatformDbContext db, Guid id, TimeProvider clock) : IFileContentWriter
    {
        private readonly byte[] _buffer = new byte[ChunkBytes];
        private int _filled;
        private int _number;
        private bool _complete;

        public string Path => "";

        public async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            while (bytes.Length > 0)
            {
                var take = Math.Min(bytes.Length, ChunkBytes - _filled);
                bytes[..take].CopyTo(_buffer.AsMemory(_filled));
                _filled += take;
                bytes = bytes[take..];
                if (_filled == ChunkBytes)
                {
                    await FlushAsync(cancellationToken);
                }
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_filled > 0)
            {
                await FlushAsync(cancellationToken);
            }

            _complete = true;
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            var chunk = new StoredFileChunk { FileId = id, Number = _number++, Data = _buffer[.._filled], WrittenAt = clock.GetUtcNow().ToUnixTimeMilliseconds() };
            db.Set<StoredFileChunk>().Add(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(chunk).State = EntityState.Detached;
            _filled = 0;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_complete && _number > 0)
                {
                    await db.Set<StoredFileChunk>().Where(c => c.FileId == id).ExecuteDeleteAsync(CancellationToken.None);
                }
            }
            finally
            {
                await db.DisposeAsync();
            }
        }
    }
}
