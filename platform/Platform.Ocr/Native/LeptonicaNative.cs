using System.Runtime.InteropServices;

namespace Platform.Ocr.Native;

/// <summary>
/// The Leptonica 1.82 functions the pipeline uses (liblept.so.5). Pointers are raw here; the
/// <see cref="Imaging.Picture"/> class owns them. Functions that allocate return null on failure
/// (a corrupt file, an unsupported depth) rather than crashing, which callers check.
/// </summary>
#pragma warning disable CA1401, SYSLIB1054 // CA1401/SYSLIB1054: plain DllImport keeps the declarations one line each; only this assembly sees them.
internal static class LeptonicaNative
{
    private const string Lib = NativeLibraries.Leptonica;

    public const int SeverityNone = 6;
    public const int FormatPng = 3;
    public const int FormatTiffG4 = 8;
    public const int InterpolatedRotation = 2; // L_ROTATE_AREA_MAP
    public const int SampledRotation = 3; // L_ROTATE_SAMPLING
    public const int BringInWhite = 1; // L_BRING_IN_WHITE

    [DllImport(Lib)] public static extern int setMsgSeverity(int newsev);
    [DllImport(Lib)] public static extern IntPtr pixReadMem(byte[] data, nuint size);
    [DllImport(Lib)] public static extern IntPtr pixReadMemFromMultipageTiff(byte[] data, nuint size, ref nuint offset);
    [DllImport(Lib)] public static extern int pixReadHeaderMem(byte[] data, nuint size, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);
    [DllImport(Lib)] public static extern int findFileFormatBuffer(byte[] buf, out int format);
    [DllImport(Lib)] public static extern void pixDestroy(ref IntPtr pix);
    [DllImport(Lib)] public static extern IntPtr pixClone(IntPtr pix);
    [DllImport(Lib)] public static extern IntPtr pixCreate(int width, int height, int depth);
    [DllImport(Lib)] public static extern int pixSetAll(IntPtr pix);
    [DllImport(Lib)] public static extern int pixGetDimensions(IntPtr pix, out int w, out int h, out int d);
    [DllImport(Lib)] public static extern IntPtr pixGetData(IntPtr pix);
    [DllImport(Lib)] public static extern int pixGetWpl(IntPtr pix);
    [DllImport(Lib)] public static extern int pixSetResolution(IntPtr pix, int xres, int yres);
    [DllImport(Lib)] public static extern IntPtr pixConvertTo8(IntPtr pix, int cmapflag);
    [DllImport(Lib)] public static extern IntPtr pixConvertTo1(IntPtr pix, int threshold);
    [DllImport(Lib)] public static extern int pixSauvolaBinarize(IntPtr pix, int whsize, float factor, int addborder, IntPtr ppixm, IntPtr ppixsd, IntPtr ppixth, out IntPtr ppixd);
    [DllImport(Lib)] public static extern int pixFindSkew(IntPtr pix, out float angle, out float conf);
    [DllImport(Lib)] public static extern IntPtr pixRotate(IntPtr pix, float angle, int type, int incolor, int width, int height);
    [DllImport(Lib)] public static extern IntPtr pixRotate180(IntPtr pixd, IntPtr pixs);
    [DllImport(Lib)] public static extern IntPtr pixClipRectangle(IntPtr pix, IntPtr box, IntPtr pboxc);
    [DllImport(Lib)] public static extern int pixClipToForeground(IntPtr pix, out IntPtr ppixd, IntPtr pbox);
    [DllImport(Lib)] public static extern int pixCountPixels(IntPtr pix, out int count, IntPtr tab8);
    [DllImport(Lib)] public static extern IntPtr pixAddBorder(IntPtr pix, int npix, uint val);
    [DllImport(Lib)] public static extern IntPtr pixAffinePta(IntPtr pix, IntPtr ptad, IntPtr ptas, int incolor);
    [DllImport(Lib)] public static extern IntPtr pixProjectivePta(IntPtr pix, IntPtr ptad, IntPtr ptas, int incolor);
    [DllImport(Lib)] public static extern IntPtr pixScale(IntPtr pix, float scalex, float scaley);
    [DllImport(Lib)] public static extern int pixWriteMem(out IntPtr data, out nuint size, IntPtr pix, int format);
    [DllImport(Lib)] public static extern IntPtr pixConnComp(IntPtr pix, IntPtr ppixa, int connectivity);
    [DllImport(Lib)] public static extern IntPtr boxCreate(int x, int y, int w, int h);
    [DllImport(Lib)] public static extern void boxDestroy(ref IntPtr box);
    [DllImport(Lib)] public static extern int boxaGetCount(IntPtr boxa);
    [DllImport(Lib)] public static extern int boxaGetBoxGeometry(IntPtr boxa, int index, out int x, out int y, out int w, out int h);
    [DllImport(Lib)] public static extern void boxaDestroy(ref IntPtr boxa);
    [DllImport(Lib)] public static extern IntPtr ptaCreate(int n);
    [DllImport(Lib)] public static extern int ptaAddPt(IntPtr pta, float x, float y);
    [DllImport(Lib)] public static extern void ptaDestroy(ref IntPtr pta);
    [DllImport(Lib)] public static extern void lept_free(IntPtr ptr);
}
#pragma warning restore CA1401, SYSLIB1054
