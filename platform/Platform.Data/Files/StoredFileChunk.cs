namespace Platform.Data.Files;

/// <summary>One piece (<see cref="Bytes"/> at most) of a file kept in the database, so that no file is ever held whole in memory.</summary>
public sealed class StoredFileChunk
{
    /// <summary>The size of every piece but a file's last.</summary>
    public const int Bytes = 512 * 1024;

    public Guid FileId { get; set; }

    public int Number { get; set; }

    public byte[] Data { get; set; } = [];

    /// <summary>When the piece was written (Unix ms): pieces of an upload that never finished are removed once old.</summary>
    public long WrittenAt { get; set; }
}
