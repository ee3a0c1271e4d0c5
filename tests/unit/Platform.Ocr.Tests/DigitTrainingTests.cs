using System.Diagnostics;
using System.Text.Json;
using Platform.Ocr.Digits;

namespace Platform.Ocr.Tests;

/// <summary>
/// The training program (tools/digits/train.py, Debian's PyTorch) runs from its settings: a short run on a
/// few hundred digits per class learns and writes an ONNX model this engine loads; a tiny run with the same
/// seed writes the same model byte for byte. The shipped model is the same program's full run.
/// </summary>
public sealed class DigitTrainingTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void A_short_training_run_learns_and_writes_a_model_the_engine_reads()
    {
        var mnist = RequireTraining();
        var output = Directory.CreateTempSubdirectory("digits-train-").FullName;
        try
        {
            var report = Train(mnist, output, "--epochs", "2", "--per-epoch", "3072", "--limit", "250");

            Assert.True(report.GetProperty("validation").GetProperty("accuracy").GetDouble() >= 0.6,
                $"validation accuracy after a short run: {report.GetProperty("validation").GetProperty("accuracy")}");
            using var classifier = DigitClassifier.Load(output);
            var digits = HandwrittenDigits.Require();
            var images = Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, 20).Select(i => (d, Image: Normalized(digits.Sample(d, i))))).ToList();
            var right = classifier.Classify([.. images.Select(i => i.Image)]).Zip(images).Count(p => p.First.Digit == p.Second.d);
            Assert.True(right >= images.Count * 0.5, $"{right} of {images.Count} held-out digits right after a short run");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [SkippableFact]
    public void The_same_seed_writes_the_same_model_byte_for_byte_and_another_seed_another()
    {
        var mnist = RequireTraining();
        var runs = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("digits-seed-").FullName).ToList();
        try
        {
            string[] tiny = ["--epochs", "1", "--per-epoch", "512", "--limit", "30"];
            Train(mnist, runs[0], tiny);
            Train(mnist, runs[1], tiny);
            Train(mnist, runs[2], [.. tiny, "--seed", "7"]);

            var models = runs.Select(run => File.ReadAllBytes(Path.Combine(run, "digits.onnx"))).ToList();
            Assert.True(models[0].AsSpan().SequenceEqual(models[1]), "two runs with the settings' seed wrote different models");
            Assert.False(models[0].AsSpan().SequenceEqual(models[2]), "a run with another seed wrote the same model: the seed is not used");
        }
        finally
        {
            runs.ForEach(run => Directory.Delete(run, recursive: true));
        }
    }

    private static string RequireTraining()
    {
        var mnist = HandwrittenDigits.Folder();
        Skip.If(mnist is null, "The handwritten digits (tests/data/mnist) are not installed: scripts/test.sh installs them.");
        Skip.IfNot(HasTorch(), "Debian's python3-torch is not installed: scripts/test.sh installs it.");
        return mnist!;
    }

    private static JsonElement Train(string mnist, string output, params string[] settings)
    {
        var script = Path.Combine(Root(), "tools", "digits", "train.py");
        var start = new ProcessStartInfo(Python, [script, "--mnist", mnist, "--out", output, .. settings, "--threads", "2"])
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
