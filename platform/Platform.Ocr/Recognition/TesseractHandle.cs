using Microsoft.Win32.SafeHandles;
using Platform.Ocr.Native;

namespace Platform.Ocr.Recognition;

/// <summary>Owns one TessBaseAPI: ended and deleted exactly once.</summary>
internal sealed class TesseractHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TesseractHandle(IntPtr api)
        : base(ownsHandle: true)
    {
        if (api == IntPtr.Zero)
        {
            throw new OcrUnavailableException("Tesseract could not create an engine.");
        }

        SetHandle(api);
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}
