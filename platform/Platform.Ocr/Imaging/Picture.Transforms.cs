using Platform.Ocr.Native;

namespace Platform.Ocr.Imaging;

/// <summary>Conversions and geometry: grey, black and white, skew, rotation, warping, clipping, borders.</summary>
public sealed partial class Picture
{
    /// <summary>8-bit grey (colour averaged, black and white spread to 0/255).</summary>
    public Picture ToGrey() => new(LeptonicaNative.pixConvertTo8(Handle, 0), "convert to grey");

    /// <summary>Black and white by one threshold (dark below it is ink).</summary>
    public Picture Threshold(int threshold = 160) => new(LeptonicaNative.pixConvertTo1(Handle, threshold), "threshold the picture");

    /// <summary>
    /// Black and white by Sauvola's local threshold: each pixel against the mean and spread of its
    /// neighbourhood, so uneven lighting and grey paper do not swallow faint ink. Needs grey.
    /// </summary>
    public Picture Binarize(int window = 25, float factor = 0.35f)
    {
        using var grey = Depth == 8 ? null : ToGrey();
        var source = grey?.Handle ?? Handle;
        if (LeptonicaNative.pixSauvolaBinarize(source, window, factor, 1, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, out var result) != 0)
        {
            throw new ImageRejectedException("The picture could not be turned into black and white (Sauvola).");
        }

        return new Picture(result, "binarize the picture");
    }

    /// <summary>The angle in degrees the text lines are skewed by (positive: clockwise), and how sure; black and white only.</summary>
    public (double Degrees, double Confidence) FindSkew()
    {
        RequireDepth(1, "skew detection");
        return LeptonicaNative.pixFindSkew(Handle, out var angle, out var confidence) == 0 ? (angle, confidence) : (0, 0);
    }

    /// <summary>Rotated about its centre, the uncovered corners white; the size stays the same.</summary>
    public Picture Rotate(double degrees)
    {
        var type = Depth == 1 ? LeptonicaNative.SampledRotation : LeptonicaNative.InterpolatedRotation;
        return new(LeptonicaNative.pixRotate(Handle, (float)(degrees * Math.PI / 180), type, LeptonicaNative.BringInWhite, Width, Height), "rotate the picture");
    }

    public Picture Rotate180() => new(LeptonicaNative.pixRotate180(IntPtr.Zero, Handle), "turn the picture over");

    /// <summary>A rectangle of the picture (cut to the picture where it reaches outside).</summary>
    public Picture Clip(PixelRect rect)
    {
        var box = LeptonicaNative.boxCreate(rect.X, rect.Y, rect.Width, rect.Height);
        try
        {
            return new Picture(LeptonicaNative.pixClipRectangle(Handle, box, IntPtr.Zero), $"cut out {rect}");
        }
        finally
        {
            LeptonicaNative.boxDestroy(ref box);
        }
    }

    /// <summary>The smallest rectangle holding all ink (black and white only); null when there is no ink.</summary>
    public Picture? ClipToInk()
    {
        RequireDepth(1, "clipping to the ink");
        return LeptonicaNative.pixClipToForeground(Handle, out var clipped, IntPtr.Zero) == 0 && clipped != IntPtr.Zero ? new Picture(clipped, "clip to the ink") : null;
    }

    /// <summary>A border of <paramref name="pixels"/> white pixels around the picture (Tesseract reads tight crops badly).</summary>
    public Picture AddWhiteBorder(int pixels)
    {
        var white = Depth switch { 1 => 0u, 8 => 255u, _ => 0xffffff00u };
        return new(LeptonicaNative.pixAddBorder(Handle, pixels, white), "add a border");
    }

    /// <summary>How many pixels are ink (black and white only).</summary>
    public int CountInk()
    {
        RequireDepth(1, "counting ink");
        return LeptonicaNative.pixCountPixels(Handle, out var count, IntPtr.Zero) == 0 ? count : 0;
    }

    /// <summary>
    /// Warps the picture so that each of <paramref name="from"/> (points in this picture) lands on the
    /// matching point of <paramref name="to"/>: an affine map by three points, a projective one by four.
    /// The result is as large as the picture unless <paramref name="width"/> and <paramref name="height"/> say otherwise.
    /// </summary>
    public Picture Warp(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to, int? width = null, int? height = null)
    {
        if (from.Count != to.Count || from.Count is not (3 or 4))
        {
            throw new ArgumentException("Warping needs three (affine) or four (projective) matching points.");
        }

        var source = Points(from);
        var target = Points(to);
        try
        {
            // Leptonica keeps the source size: a target of another size is warped on a canvas of that size.
            using var canvas = width is { } w && height is { } h && (w != Width || h != Height) ? Canvas(w, h) : null;
            var pix = canvas?.Handle ?? Handle;
            return new Picture(from.Count == 3
                ? LeptonicaNative.pixAffinePta(pix, target, source, LeptonicaNative.BringInWhite)
                : LeptonicaNative.pixProjectivePta(pix, target, source, LeptonicaNative.BringInWhite), "warp the picture");
        }
        finally
        {
            LeptonicaNative.ptaDestroy(ref source);
            LeptonicaNative.ptaDestroy(ref target);
        }
    }

    /// <summary>This picture on a white canvas of another size (top left kept), so a warp can produce that size.</summary>
    private Picture Canvas(int width, int height)
    {
        var canvas = new Picture(LeptonicaNative.pixCreate(width, height, Depth), "create a canvas");
        if (Depth != 1)
        {
            _ = LeptonicaNative.pixSetAll(canvas.Handle);
        }

        CopyInto(canvas);
        return canvas;
    }

    public Picture Scale(double factor) => new(LeptonicaNative.pixScale(Handle, (float)factor, (float)factor), "scale the picture");

    /// <summary>Scaled to exactly <paramref name="width"/> × <paramref name="height"/> (a scan at another DPI onto its template).</summary>
    public Picture ScaleTo(int width, int height)
    {
        var scaled = new Picture(LeptonicaNative.pixScale(Handle, (float)width / Width, (float)height / Height), "scale the picture");
        if (scaled.Width == width && scaled.Height == height)
        {
            return scaled;
        }

        // Rounding may leave a pixel more or less: cut or pad to the size asked for.
        using (scaled)
        {
            return scaled.Width >= width && scaled.Height >= height ? scaled.Clip(new PixelRect(0, 0, width, height)) : scaled.Canvas(width, height);
        }
    }

    /// <summary>The bounding boxes of connected ink (8-connected), black and white only.</summary>
    public IReadOnlyList<PixelRect> InkBlobs()
    {
        RequireDepth(1, "finding ink blobs");
        var boxa = LeptonicaNative.pixConnComp(Handle, IntPtr.Zero, 8);
        if (boxa == IntPtr.Zero)
        {
            return [];
        }

        try
        {
            var count = LeptonicaNative.boxaGetCount(boxa);
            var boxes = new List<PixelRect>(count);
            for (var i = 0; i < count; i++)
            {
                _ = LeptonicaNative.boxaGetBoxGeometry(boxa, i, out var x, out var y, out var w, out var h);
                boxes.Add(new PixelRect(x, y, w, h));
            }

            return boxes;
        }
        finally
        {
            LeptonicaNative.boxaDestroy(ref boxa);
        }
    }

    private static IntPtr Points(IReadOnlyList<(double X, double Y)> points)
    {
        var pta = LeptonicaNative.ptaCreate(points.Count);
        foreach (var (x, y) in points)
        {
            _ = LeptonicaNative.ptaAddPt(pta, (float)x, (float)y);
        }

        return pta;
    }

    private void RequireDepth(int depth, string what)
    {
        if (Depth != depth)
        {
            throw new InvalidOperationException($"{what} needs a {depth}-bit picture; this one is {Depth}-bit.");
        }
    }
}
