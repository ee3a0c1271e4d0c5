using Platform.Records.Files;

namespace Platform.Data.Files;

/// <summary>Files in a folder (<c>yyyy/MM/id</c>), written to a <c>.part</c> file and moved into place when complete.</summary>
internal sealed class DiskFileContents(string root) : IFileContents
{
    public string Name => FileStores.Disk;

    public IFileContentWriter Create(Guid id, DateTimeOffset now) => new Writer(root, $"{now:yyyy}/{now:MM}/{id:N}");

    public Task<Stream> OpenAsync(StoredFile file, CancellationToken cancellationToken) =>
        Task.FromResult<Stream>(new FileStream(Full(file), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));

    public Task DeleteAsync(StoredFile file, CancellationToken cancellationToken)
    {
        File.Delete(Full(file));
        return Task.CompletedTask;
    }

    private string Full(StoredFile file) => System.IO.Path.Combine(root, file.Path);

    private sealed class Writer : IFileContentWriter
    {
        private readonly string _final;
        private readonly string _part;
        private readonly FileStream _stream;
        private bool _complete;

        public Writer(string root, string path)
        {
            Path = path;
            _final = System.IO.Path.Combine(root, path);
            _part = _final + ".part";
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_final)!);
            _stream = new FileStream(_part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        }

        public string Path { get; }

        public Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) => _stream.WriteAsync(bytes, cancellationToken).AsTask();

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            await _stream.FlushAsync(cancellationToken);
            await _stream.DisposeAsync();
            File.Move(_part, _final);
            _complete = true;
        }

        public async ValueTask DisposeAsync()
        {
            await _stream.DisposeAsync();
            if (!_complete)
            {
                File.Delete(_part);
            }
        }
    }
}
