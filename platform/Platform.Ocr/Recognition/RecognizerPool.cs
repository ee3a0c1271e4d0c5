using System.Collections.Concurrent;
using Platform.Ocr.Digits;
using Platform.Ocr.Native;

namespace Platform.Ocr.Recognition;

/// <summary>
/// Engines by language, lent to one worker at a time and given back for the next: as many engines
/// per language as pages ever ran at once, each loaded once; and the handwritten-digit classifier,
/// loaded on first use and shared (ONNX Runtime runs a session from several threads).
/// </summary>
public sealed class RecognizerPool(string dataPath = NativeLibraries.DefaultDataPath, string? digitModel = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<TextRecognizer>> _idle = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<TextRecognizer> _all = [];
    private readonly Lazy<DigitClassifier> _digits = new(() => DigitClassifier.Load(digitModel), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The handwritten-digit classifier; loading it throws <see cref="DigitModelException"/> naming a missing or broken file.</summary>
    public DigitClassifier Digits => _digits.Value;

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

        if (_digits.IsValueCreated)
        {
            _digits.Value.Dispose();
        }
    }
}
