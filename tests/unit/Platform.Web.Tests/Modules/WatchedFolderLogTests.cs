using Microsoft.Extensions.Logging;
using Platform.OcrCapture.Batches;

namespace Platform.Web.Tests.Modules;

/// <summary>A watched folder that is not there (a share not mounted yet) is said once, not every few seconds, and again when it comes and goes.</summary>
public sealed class WatchedFolderLogTests
{
    [Fact]
    public async Task A_missing_folder_is_said_once_until_it_exists_and_again_when_it_is_gone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"watched-{Guid.NewGuid():N}");
        var log = new ListLogger();
        var watcher = new WatchedFolders(null!, new WatchedFolderSettings(), TimeProvider.System, log);
        var folder = new WatchedFolder { Path = path, Template = "apparel_order" };
        try
        {
            for (var look = 0; look < 5; look++)
            {
                Assert.Null(await watcher.WatchAsync(folder, default));
            }

            Assert.Equal([(LogLevel.Warning, $"Watched folder {path} does not exist; it is looked for again every 00:00:05 and taken from once it does")], log.Lines);

            Directory.CreateDirectory(path);
            Assert.Null(await watcher.WatchAsync(folder, default));
            Assert.Null(await watcher.WatchAsync(folder, default));
            Assert.Equal((LogLevel.Information, $"Watched folder {path} exists now"), log.Lines[^1]);

            Directory.Delete(path, recursive: true);
            Assert.Null(await watcher.WatchAsync(folder, default));
            Assert.Null(await watcher.WatchAsync(folder, default));
            Assert.Equal(3, log.Lines.Count);
            Assert.Equal(LogLevel.Warning, log.Lines[^1].Level);
        }
        finally
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
    }

    private sealed class ListLogger : ILogger<WatchedFolders>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
