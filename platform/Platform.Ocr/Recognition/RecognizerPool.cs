using System.Collections.Concurrent;
using Platform.Ocr.Native;

namespace Platform.Ocr.Recognition;

/// <summary>
/// Engines by language, lent to one worker at a time and given back for the next: as many engines
/// per language as pages ever ran at once, each loaded once.
/// </summary>
public sealed class RecognizerPool(string dataPath = NativeLibraries.DefaultDataPath) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<TextRecognizer>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TextRecognizer> _all = [];

    /// <summary>How many engines were loaded so far (all languages).</summary>
    public int Loaded => _all.Count;

    /// <summary>Reads with an engine of <paramref name="language"/>, borrowed for the call.</summary>
    public T Use<T>(string language, Func<TextRecognizer, T> read)
    {
        var idle = _idle.GetOrAdd(language, _ => []);
        if (!idle.TryTake(out var recognizer))
        {
            recognizer = TextRecognizer.Create(language, dataPath);
            _all.Add(recognizer);
        }

        try
        {
            return read(recognizer);
        }
        finally
        {
            idle.Add(recognizer);
        }
    }

    public void Dispose()
    {
        foreach (var recognizer in _all)
        {
            recognizer.Dispose();
        }
    }
}
