using System.Security.Cryptography;

namespace Platform.Host.IntegrationTests.Files;

/// <summary>A large file that is never in memory: pseudo-random bytes made as they are read, the same for the same seed.</summary>
internal sealed class GeneratedContent(long length, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var take = (int)Math.Min(count, length - _position);
        _random.NextBytes(buffer.AsSpan(offset, take));
        _position += take;
        return take;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>The SHA-256 of the content a generator of this length and seed makes.</summary>
    public static async Task<string> HashAsync(long length, int seed)
    {
        await using var content = new GeneratedContent(length, seed);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
    }
}
