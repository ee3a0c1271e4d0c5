using System.Diagnostics;
using System.Text.Json;
using Platform.Ocr.Digits;

namespace Platform.Ocr.Tests;

/// <summary>
/// The training program (tools/digits/train.py, Debian's PyTorch) runs from its settings: a short run on a
/// few hundred digits per class learns, writes an ONNX model this engine loads, and the same seed gives the
/// same validation result. The shipped model is the same program's full run.
/// </summary>
public sealed class DigitTrainingTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void A_short_training_run_learns_and_writes_a_model_the_engine_reads()
    {
        var mnist = HandwrittenDigits.Folder();
        Skip.If(mnist is null, "The handwritten digits (tests/data/mnist) are not installed: scripts/test.sh installs them.");
        Skip.IfNot(HasTorch(), "Debian's python3-torch is not installed: scripts/test.sh installs it.");
        var first = Directory.CreateTempSubdirectory("digits-train-").FullName;
        var second = Directory.CreateTempSubdirectory("digits-train-").FullName;
        try
        {
            var report = Train(mnist!, first);
            var again = Train(mnist!, second);

            Assert.True(report.GetProperty("validation").GetProperty("accuracy").GetDouble() >= 0.6,
                $"validation accuracy after a short run: {report.GetProperty("validation").GetProperty("accuracy")}");
            Assert.Equal(report.GetProperty("validation").GetProperty("accuracy").GetDouble(), again.GetProperty("validation").GetProperty("accuracy").GetDouble());
            using var classifier = DigitClassifier.Load(first);
            var digits = HandwrittenDigits.Require();
            var images = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, 20).Select(i => (d, Image: Normalized(digits.Sample(d, i))))).ToList();
            var right = classifier.Classify([.. images.Select(i => i.Image)]).Zip(images).Count(p => p.First.Digit == p.Second.d);
            Assert.True(right >= images.Count * 0.5, $"{right} of {images.Count} held-out digits right after a short run");
        }
        finally
        {
            Directory.Delete(first, recursive: true);
            Directory.Delete(second, recursive: true);
        }
    }

    private static JsonElement Train(string mnist, string output)
    {
        var script = Path.Combine(Root(), "tools", "digits", "train.py");
        var start = new ProcessStartInfo(Python, [script, "--mnist", mnist, "--out", output, "--epochs", "2", "--per-epoch", "3072", "--limit", "250", "--threads", "2"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var log = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(8)), "training did not finish in 8 minutes");
        Assert.True(process.ExitCode == 0, $"train.py failed: {errors.Result}\n{log.Result}");
        return JsonDocument.Parse(File.ReadAllText(Path.Combine(output, DigitClassifier.CalibrationFile))).RootElement.Clone();
    }

    private static bool HasTorch()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch, onnx, PIL"]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    private static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tools", "digits", "train.py")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("tools/digits/train.py was not found above the test's folder.");
    }

    private static float[] Normalized(byte[] sample)
    {
        var (mask, width, height) = HandwrittenDigits.Ink(sample);
        return DigitImage.Normalize(mask, width, height);
    }
}
