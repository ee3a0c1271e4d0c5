namespace Platform.Ocr.Digits;

/// <summary>
/// How a handwritten digit becomes the classifier's input, exactly as the training program makes it
/// (<c>tools/digits/digit_image.py</c>): the digit's ink cut to its box, scaled by area so its longer side
/// is 20 pixels, placed in a 28 × 28 square by its centre of ink; 1 is ink.
/// </summary>
public static class DigitImage
{
    public const int Side = 28;

    private const int Box = 20;

    /// <summary>The classifier's input for the ink of <paramref name="mask"/> (row by row); all zeros when there is none.</summary>
    public static float[] Normalize(bool[] mask, int width, int height)
    {
        var output = new float[Side * Side];
        int top = height, bottom = -1, left = width, right = -1;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                if (mask[(y * width) + x])
                {
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y);
                    left = Math.Min(left, x);
                    right = Math.Max(right, x);
                }
            }
        }

        if (bottom < 0)
        {
            return output;
        }

        var cropHeight = bottom - top + 1;
        var cropWidth = right - left + 1;
        var scale = (double)Box / Math.Max(cropHeight, cropWidth);
        var newHeight = Math.Max(1, RoundHalfEven(cropHeight * scale));
        var newWidth = Math.Max(1, RoundHalfEven(cropWidth * scale));
        var rows = AreaWeights(cropHeight, newHeight);
        var columns = AreaWeights(cropWidth, newWidth);

        // scaled = rows · crop · columnsᵀ
        var partial = new double[cropHeight * newWidth];
        for (var y = 0; y < cropHeight; y++)
        {
            for (var x = 0; x < cropWidth; x++)
            {
                if (!mask[((top + y) * width) + left + x])
                {
                    continue;
                }

                for (var j = 0; j < newWidth; j++)
                {
                    partial[(y * newWidth) + j] += columns[j, x];
                }
            }
        }

        var scaled = new double[newHeight * newWidth];
        double total = 0, sumY = 0, sumX = 0;
        for (var i = 0; i < newHeight; i++)
        {
            for (var j = 0; j < newWidth; j++)
            {
                double value = 0;
                for (var y = 0; y < cropHeight; y++)
                {
                    value += rows[i, y] * partial[(y * newWidth) + j];
                }

                scaled[(i * newWidth) + j] = value;
                total += value;
                sumY += value * i;
                sumX += value * j;
            }
        }

        // The centre of ink (pixel centres at i + 0.5) on the square's centre, rounded half up, kept inside.
        var offsetY = Math.Clamp((int)Math.Floor((Side / 2.0) - (sumY / total)), 0, Side - newHeight);
        var offsetX = Math.Clamp((int)Math.Floor((Side / 2.0) - (sumX / total)), 0, Side - newWidth);
        for (var i = 0; i < newHeight; i++)
        {
            for (var j = 0; j < newWidth; j++)
            {
                output[((offsetY + i) * Side) + offsetX + j] = (float)scaled[(i * newWidth) + j];
            }
        }

        return output;
    }

    /// <summary>The target × source matrix that averages source pixels into target pixels by how much of each they cover.</summary>
    internal static double[,] AreaWeights(int source, int target)
    {
        var weights = new double[target, source];
        var step = (double)source / target;
        for (var i = 0; i < target; i++)
        {
            double start = i * step, end = (i + 1) * step;
            for (var k = (int)Math.Floor(start); k < Math.Min(source, (int)Math.Ceiling(end)); k++)
            {
                var overlap = Math.Min(end, k + 1) - Math.Max(start, k);
                if (overlap > 0)
                {
                    weights[i, k] = overlap / step;
                }
            }
        }

        return weights;
    }

    /// <summary>Python's round(): halves to the even neighbour, so both programs size a digit alike.</summary>
    private static int RoundHalfEven(double value) => (int)Math.Round(value, MidpointRounding.ToEven);
}
