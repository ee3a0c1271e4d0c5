using Microsoft.Win32.SafeHandles;
using Platform.Ocr.Native;

namespace Platform.Ocr.Imaging;

/// <summary>Owns one Leptonica PIX: destroyed exactly once, also when a page fails half-way.</summary>
internal sealed class PixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public PixHandle(IntPtr pix)
        : base(ownsHandle: true) => SetHandle(pix);

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        LeptonicaNative.pixDestroy(ref pix);
        return true;
    }
}
