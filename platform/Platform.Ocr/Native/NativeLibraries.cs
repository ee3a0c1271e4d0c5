using System.Runtime.InteropServices;

namespace Platform.Ocr.Native;

/// <summary>
/// The Debian libraries the binding calls, checked once before the first call: a missing library
/// or language model is a clear error naming the Debian package, not a DllNotFoundException deep
/// inside a page. Before Tesseract loads, OpenMP is limited to one thread per recogniser (see
/// <see cref="LimitOpenMpThreads"/>).
/// </summary>
public static class NativeLibraries
{
    public const string Tesseract = "libtesseract.so.5";
    public const string Leptonica = "liblept.so.5";

    /// <summary>Where Debian's tesseract-ocr-* packages put the language models.</summary>
    public const string DefaultDataPath = "/usr/share/tesseract-ocr/5/tessdata";

    private static readonly Lazy<string?> Problem = new(Check);

    /// <summary>Throws <see cref="OcrUnavailableException"/> naming what to install when the libraries cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (Problem.Value is { } problem)
        {
            throw new OcrUnavailableException(problem);
        }
    }

    /// <summary>Whether the libraries load here (tests skip with <see cref="Describe"/> otherwise).</summary>
    public static bool Available => Problem.Value is null;

    public static string? Describe() => Problem.Value;

    /// <summary>The model file for a language (eng, chi_sim), or an error naming its Debian package.</summary>
    public static void EnsureLanguage(string dataPath, string language)
    {
        foreach (var part in language.Split('+'))
        {
            if (!File.Exists(Path.Combine(dataPath, part + ".traineddata")))
            {
                throw new OcrUnavailableException(
                    $"The OCR language '{part}' is not installed in {dataPath}: install the Debian package tesseract-ocr-{part.Replace('_', '-')} (apt-get install tesseract-ocr-{part.Replace('_', '-')}).");
            }
        }
    }

    private static string? Check()
    {
        LimitOpenMpThreads();
        if (!NativeLibrary.TryLoad(Leptonica, out _))
        {
            return $"The image library {Leptonica} is missing: install the Debian package liblept5 (apt-get install liblept5).";
        }

        if (!NativeLibrary.TryLoad(Tesseract, out _))
        {
            return $"The OCR library {Tesseract} is missing: install the Debian package tesseract-ocr (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim).";
        }

        _ = LeptonicaNative.setMsgSeverity(LeptonicaNative.SeverityNone);
        return null;
    }

    /// <summary>
    /// Debian's Tesseract is built with OpenMP, whose thread pool reads <c>OMP_THREAD_LIMIT</c> when the
    /// library loads: with several threads per recognition, small cells take 14–45 ms instead of 2–5 ms,
    /// and pages already run in parallel. <see cref="Environment.SetEnvironmentVariable(string, string)"/>
    /// changes only .NET's copy of the environment, so the C library's <c>setenv</c> sets it — before
    /// the first call loads Tesseract. A value set by whoever started the process is kept.
    /// </summary>
    internal static void LimitOpenMpThreads()
    {
        if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is null && OperatingSystem.IsLinux())
        {
            _ = setenv("OMP_THREAD_LIMIT", "1", 0);
        }
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int setenv(string name, string value, int overwrite);
}

/// <summary>OCR cannot run on this machine: the message says which Debian package to install.</summary>
public sealed class OcrUnavailableException(string message) : Exception(message);
