using System.Runtime.InteropServices;

namespace Platform.Ocr.Native;

/// <summary>The Tesseract 5 C API (capi.h) functions the recogniser uses (libtesseract.so.5).</summary>
#pragma warning disable CA1401, SYSLIB1054, CA2101 // Plain DllImport, one line each; texts are passed as UTF-8 byte arrays explicitly.
internal static class TesseractNative
{
    private const string Lib = NativeLibraries.Tesseract;

    public const int OemLstmOnly = 1;
    public const int LevelWord = 3;
    public const int LevelSymbol = 4;

    [DllImport(Lib)] public static extern IntPtr TessVersion();
    [DllImport(Lib)] public static extern IntPtr TessBaseAPICreate();
    [DllImport(Lib)] public static extern void TessBaseAPIDelete(IntPtr handle);
    [DllImport(Lib)] public static extern void TessBaseAPIEnd(IntPtr handle);
    [DllImport(Lib)] public static extern int TessBaseAPIInit4(IntPtr handle, byte[] datapath, byte[] language, int oem, IntPtr configs, int configsSize,
        IntPtr[] varsVec, IntPtr[] varsValues, nuint varsSize, int setOnlyNonDebugParams);
    [DllImport(Lib)] public static extern void TessBaseAPISetPageSegMode(IntPtr handle, int mode);
    [DllImport(Lib)] public static extern int TessBaseAPISetVariable(IntPtr handle, byte[] name, byte[] value);
    [DllImport(Lib)] public static extern void TessBaseAPISetImage2(IntPtr handle, IntPtr pix);
    [DllImport(Lib)] public static extern void TessBaseAPISetSourceResolution(IntPtr handle, int ppi);
    [DllImport(Lib)] public static extern void TessBaseAPISetRectangle(IntPtr handle, int left, int top, int width, int height);
    [DllImport(Lib)] public static extern int TessBaseAPIRecognize(IntPtr handle, IntPtr monitor);
    [DllImport(Lib)] public static extern IntPtr TessBaseAPIGetUTF8Text(IntPtr handle);
    [DllImport(Lib)] public static extern int TessBaseAPIMeanTextConf(IntPtr handle);
    [DllImport(Lib)] public static extern void TessBaseAPIClear(IntPtr handle);
    [DllImport(Lib)] public static extern void TessDeleteText(IntPtr text);
    [DllImport(Lib)] public static extern IntPtr TessBaseAPIGetIterator(IntPtr handle);
    [DllImport(Lib)] public static extern void TessResultIteratorDelete(IntPtr iterator);
    [DllImport(Lib)] public static extern int TessResultIteratorNext(IntPtr iterator, int level);
    [DllImport(Lib)] public static extern IntPtr TessResultIteratorGetUTF8Text(IntPtr iterator, int level);
    [DllImport(Lib)] public static extern float TessResultIteratorConfidence(IntPtr iterator, int level);
    [DllImport(Lib)] public static extern IntPtr TessResultIteratorGetChoiceIterator(IntPtr iterator);
    [DllImport(Lib)] public static extern void TessChoiceIteratorDelete(IntPtr choices);
    [DllImport(Lib)] public static extern int TessChoiceIteratorNext(IntPtr choices);
    [DllImport(Lib)] public static extern IntPtr TessChoiceIteratorGetUTF8Text(IntPtr choices);
    [DllImport(Lib)] public static extern float TessChoiceIteratorConfidence(IntPtr choices);

    public static byte[] Utf8(string text) => [.. System.Text.Encoding.UTF8.GetBytes(text), 0];

    public static string? Text(IntPtr utf8) => utf8 == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(utf8);
}
#pragma warning restore CA1401, SYSLIB1054, CA2101
