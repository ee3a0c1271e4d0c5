namespace Platform.Records.Files;

/// <summary>
/// Keeps uploaded files and describes them: content streamed to storage with its size bounded and
/// its hash taken, image types recognised from the bytes, never taken from the client.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the content; null when it is empty or larger than <paramref name="maxBytes"/> (nothing is kept then).</summary>
    Task<StoredFile?> SaveAsync(Stream content, string? fileName, string? declaredType, string userId, long maxBytes, CancellationToken cancellationToken);

    Task<StoredFile?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A file uploaded and not yet attached to any record.</summary>
    Task<StoredFile?> FindUnattachedAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The content to read as a stream (never loaded whole), wherever the store keeps it.</summary>
    Task<Stream> OpenAsync(StoredFile file, CancellationToken cancellationToken = default);
}
