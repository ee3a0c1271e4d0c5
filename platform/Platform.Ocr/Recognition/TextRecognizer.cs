using Platform.Ocr.Imaging;
using Platform.Ocr.Native;

namespace Platform.Ocr.Recognition;

/// <summary>
/// One Tesseract engine for one language (LSTM models; the dictionaries are off, since cells hold
/// codes and numbers, not prose). Not thread-safe: <see cref="RecognizerPool"/> gives each worker
/// its own and reuses them, since loading a model takes far longer than reading a cell.
/// </summary>
public sealed class TextRecognizer : IDisposable
{
    /// <summary>Set when the model loads (they cannot change later): no word lists, which only pull codes towards English words.</summary>
    private static readonly (string Name, string Value)[] InitVariables = [("load_system_dawg", "0"), ("load_freq_dawg", "0")];

    private readonly TesseractHandle _api;

    private TextRecognizer(TesseractHandle api, string language) => (_api, Language) = (api, language);

    public string Language { get; }

    /// <summary>The Tesseract version of the loaded library, e.g. 5.3.0.</summary>
    public static string Version
    {
        get
        {
            NativeLibraries.EnsureLoaded();
            return TesseractNative.Text(TesseractNative.TessVersion()) ?? "?";
        }
    }

    /// <summary>Loads the language's model (e.g. <c>eng</c>, <c>chi_sim</c>) from the data folder; a missing model is an error naming its Debian package.</summary>
    public static TextRecognizer Create(string language, string dataPath = NativeLibraries.DefaultDataPath)
    {
        NativeLibraries.EnsureLoaded();
        NativeLibraries.EnsureLanguage(dataPath, language);
        var api = new TesseractHandle(TesseractNative.TessBaseAPICreate());
        var names = InitVariables.Select(v => Utf8Pointer(v.Name)).ToArray();
        var values = InitVariables.Select(v => Utf8Pointer(v.Value)).ToArray();
        try
        {
            if (TesseractNative.TessBaseAPIInit4(api.DangerousGetHandle(), TesseractNative.Utf8(dataPath), TesseractNative.Utf8(language), TesseractNative.OemLstmOnly,
                    IntPtr.Zero, 0, names, values, (nuint)names.Length, 0) != 0)
            {
                api.Dispose();
                throw new OcrUnavailableException($"Tesseract could not load the language '{language}' from {dataPath}.");
            }
        }
        finally
        {
            foreach (var pointer in names.Concat(values))
            {
                System.Runtime.InteropServices.Marshal.FreeHGlobal(pointer);
            }
        }

        return new TextRecognizer(api, language);
    }

    /// <summary>Reads a picture (best a tight crop with a white border) with the options' segmentation mode and whitelist.</summary>
    public Recognition Read(Picture picture, ReadingOptions options) => ReadOnce(picture, options.PageSegmentation, options.Whitelist, options.Dpi);

    private Recognition ReadOnce(Picture picture, int pageSegmentation, string? whitelist, int dpi)
    {
        var api = _api.DangerousGetHandle();
        TesseractNative.TessBaseAPISetPageSegMode(api, pageSegmentation);
        _ = TesseractNative.TessBaseAPISetVariable(api, TesseractNative.Utf8("tessedit_char_whitelist"), TesseractNative.Utf8(whitelist ?? ""));
        TesseractNative.TessBaseAPISetImage2(api, picture.Handle);
        TesseractNative.TessBaseAPISetSourceResolution(api, dpi);
        try
        {
            if (TesseractNative.TessBaseAPIRecognize(api, IntPtr.Zero) != 0)
            {
                return Recognition.Empty;
            }

            var symbols = Symbols(api);
            var text = string.Concat(symbols.Select(s => s.Text));
            return new Recognition(text, symbols.Count == 0 ? 0 : TesseractNative.TessBaseAPIMeanTextConf(api), symbols);
        }
        finally
        {
            TesseractNative.TessBaseAPIClear(api);
            GC.KeepAlive(picture);
        }
    }

    private static List<RecognizedSymbol> Symbols(IntPtr api)
    {
        var symbols = new List<RecognizedSymbol>();
        var iterator = TesseractNative.TessBaseAPIGetIterator(api);
        if (iterator == IntPtr.Zero)
        {
            return symbols;
        }

        try
        {
            do
            {
                var pointer = TesseractNative.TessResultIteratorGetUTF8Text(iterator, TesseractNative.LevelSymbol);
                if (pointer == IntPtr.Zero)
                {
                    continue;
                }

                var text = TesseractNative.Text(pointer)!;
                TesseractNative.TessDeleteText(pointer);
                var confidence = TesseractNative.TessResultIteratorConfidence(iterator, TesseractNative.LevelSymbol);
                symbols.Add(new RecognizedSymbol(text, confidence, Choices(iterator)));
            }
            while (TesseractNative.TessResultIteratorNext(iterator, TesseractNative.LevelSymbol) != 0);
        }
        finally
        {
            TesseractNative.TessResultIteratorDelete(iterator);
        }

        return symbols;
    }

    private static List<(string, double)> Choices(IntPtr iterator)
    {
        var choices = new List<(string, double)>();
        var choice = TesseractNative.TessResultIteratorGetChoiceIterator(iterator);
        if (choice == IntPtr.Zero)
        {
            return choices;
        }

        try
        {
            do
            {
                if (TesseractNative.Text(TesseractNative.TessChoiceIteratorGetUTF8Text(choice)) is { } text)
                {
                    choices.Add((text, TesseractNative.TessChoiceIteratorConfidence(choice)));
                }
            }
            while (TesseractNative.TessChoiceIteratorNext(choice) != 0);
        }
        finally
        {
            TesseractNative.TessChoiceIteratorDelete(choice);
        }

        return choices;
    }

    private static IntPtr Utf8Pointer(string text)
    {
        var bytes = TesseractNative.Utf8(text);
        var pointer = System.Runtime.InteropServices.Marshal.AllocHGlobal(bytes.Length);
        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, pointer, bytes.Length);
        return pointer;
    }

    public void Dispose() => _api.Dispose();
}
