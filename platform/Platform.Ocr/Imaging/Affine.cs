namespace Platform.Ocr.Imaging;

/// <summary>The affine map of the plane that takes three points to three others.</summary>
public static class Affine
{
    /// <summary>The map taking <paramref name="from"/>[k] to <paramref name="to"/>[k] (k = 0, 1, 2); null when the first three points lie on a line.</summary>
    public static Func<double, double, (double X, double Y)>? Through(IReadOnlyList<(double X, double Y)> from, IReadOnlyList<(double X, double Y)> to)
    {
        var (e0, e1, e2) = (from[0], from[1], from[2]);
        var det = ((e1.X - e0.X) * (e2.Y - e0.Y)) - ((e2.X - e0.X) * (e1.Y - e0.Y));
        if (Math.Abs(det) < 1e-6)
        {
            return null;
        }

        // A point as e0 + u·(e1 − e0) + v·(e2 − e0) (Cramer's rule), then the same combination of the targets.
        return (x, y) =>
        {
            var u = (((x - e0.X) * (e2.Y - e0.Y)) - ((e2.X - e0.X) * (y - e0.Y))) / det;
            var v = (((e1.X - e0.X) * (y - e0.Y)) - ((x - e0.X) * (e1.Y - e0.Y))) / det;
            return (to[0].X + (u * (to[1].X - to[0].X)) + (v * (to[2].X - to[0].X)),
                    to[0].Y + (u * (to[1].Y - to[0].Y)) + (v * (to[2].Y - to[0].Y)));
        };
    }
}
