using SkiaSharp;

namespace Platform.Ocr.Corpus;

/// <summary>
/// The Debian fonts pages are drawn with: Noto CJK (package fonts-noto-cjk; Simplified Chinese faces,
/// which also hold Latin letters) and DejaVu (fonts-dejavu-core) for Latin text. A missing font is an
/// error naming its package.
/// </summary>
public sealed class Fonts : IDisposable
{
    private const string Noto = "/usr/share/fonts/opentype/noto";
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu";

    /// <summary>The Simplified Chinese face inside the Noto CJK collections (JP, KR, SC, TC, HK).</summary>
    private const int SimplifiedChinese = 2;

    private static readonly string[] LatinFiles = ["DejaVuSans.ttf", "DejaVuSerif.ttf", "DejaVuSansMono.ttf", "DejaVuSans-Bold.ttf"];

    private Fonts(SKTypeface regular, SKTypeface bold, IReadOnlyList<SKTypeface> chinese, IReadOnlyList<SKTypeface> latin) =>
        (Regular, Bold, Chinese, Latin) = (regular, bold, chinese, latin);

    /// <summary>For the printed form: labels and title.</summary>
    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>Faces filled-in Chinese text is drawn with (sans and serif, regular and bold).</summary>
    public IReadOnlyList<SKTypeface> Chinese { get; }

    /// <summary>Faces filled-in Latin text and digits are drawn with.</summary>
    public IReadOnlyList<SKTypeface> Latin { get; }

    public static Fonts Load()
    {
        var regular = Load(Path.Combine(Noto, "NotoSansCJK-Regular.ttc"), SimplifiedChinese, "fonts-noto-cjk");
        var bold = Load(Path.Combine(Noto, "NotoSansCJK-Bold.ttc"), SimplifiedChinese, "fonts-noto-cjk");
        var serif = Load(Path.Combine(Noto, "NotoSerifCJK-Regular.ttc"), SimplifiedChinese, "fonts-noto-cjk");
        var latin = LatinFiles.Select(f => Load(Path.Combine(DejaVu, f), 0, "fonts-dejavu-core")).ToList();
        return new Fonts(regular, bold, [regular, bold, serif], [.. latin, regular]);
    }

    private static SKTypeface Load(string path, int index, string package) =>
        File.Exists(path) && SKTypeface.FromFile(path, index) is { } face
            ? face
            : throw new FileNotFoundException($"The font {path} is missing: install the Debian package {package} (apt-get install {package}).", path);

    public void Dispose()
    {
        foreach (var face in Chinese.Concat(Latin).Append(Bold).Distinct())
        {
            face.Dispose();
        }
    }
}
