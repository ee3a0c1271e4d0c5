using Platform.Ocr.Corpus;

namespace Platform.Ocr.Tests;

/// <summary>The second test set: digits in handwriting fonts the classifier never trained on.</summary>
public sealed class FontHandwritingTests
{
    [SkippableFact]
    public void Every_held_out_handwriting_family_installed_here_writes_digits()
    {
        Skip.IfNot(FontHandwriting.HeldOutFonts.All(File.Exists), "The handwriting fonts (fonts-humor-sans, fonts-klee, fonts-breip) are not installed: scripts/test.sh installs them.");
        using var fonts = FontHandwriting.Load();

        Assert.Equal(["Breip", "Humor Sans", "Klee One"], fonts.Families.Order(StringComparer.Ordinal));
        var random = new Random(1);
        for (var digit = 0; digit < 10; digit++)
        {
            var sample = fonts.Pick(digit, random);
            Assert.Equal(28 * 28, sample.Length);
            Assert.InRange(sample.Count(v => v > 100), 8, 400);
        }
    }
}
