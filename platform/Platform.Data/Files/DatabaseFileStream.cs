using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Files;

/// <summary>A file kept in the database, read piece by piece as it is read (and seekable, so downloads can resume by range); owns its context.</summary>
internal sealed class DatabaseFileStream(PlatformDbContext db, Guid fileId, long length, int chunkBytes) : Stream
{
    private byte[] _chunk = [];
    private int _chunkNumber = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position >= length || buffer.Length == 0)
        {
            return 0;
        }

        var number = (int)(_position / chunkBytes);
        if (number != _chunkNumber)
        {
            _chunk = await db.Set<StoredFileChunk>().AsNoTracking().Where(c => c.FileId == fileId && c.Number == number).Select(c => c.Data).FirstOrDefaultAsync(cancellationToken)
                ?? throw new IOException($"The stored file {fileId} has lost its piece {number}.");
            _chunkNumber = number;
        }

        var within = (int)(_position - ((long)number * chunkBytes));
        var take = Math.Min(buffer.Length, _chunk.Length - within);
        if (take <= 0)
        {
            throw new IOException($"The stored file {fileId} is shorter than its recorded size.");
        }

        _chunk.AsMemory(within, take).CopyTo(buffer);
        _position += take;
        return take;
    }

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            db.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await db.DisposeAsync();
        await base.DisposeAsync();
    }
}
