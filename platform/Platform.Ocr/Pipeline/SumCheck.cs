namespace Platform.Ocr.Pipeline;

/// <summary>One number a total's check weighs: the readings it may be, as read first, with their likelihoods; what is left for readings not listed; whether it is the total.</summary>
public sealed record SumTerm(IReadOnlyList<(decimal Value, double Likelihood)> Candidates, bool IsTotal)
{
    /// <summary>A number read for sure (printed, or given): one reading, nothing left over.</summary>
    public static SumTerm Fixed(decimal value, bool isTotal = false) => new([(value, 1.0)], isTotal) { Sure = true };

    /// <summary>Read for sure (printed, given): never misread beyond its candidates.</summary>
    public bool Sure { get; init; }

    public double Residual => Math.Max(0, 1 - Candidates.Sum(c => c.Likelihood));
}

/// <summary>
/// What the check made of a total and its parts: whether one set of readings stands out that adds up (<see cref="Resolved"/>),
/// which reading of each number that is (<see cref="Chosen"/>, as an index into its candidates; 0 = as read), and how likely
/// each number's chosen reading is right now that the total is known (<see cref="Likelihood"/>).
/// </summary>
public sealed record SumVerdict(bool Resolved, bool AddedUpAsRead, IReadOnlyList<int> Chosen, IReadOnlyList<double> Likelihood)
{
    /// <summary>Whether the numbers, as chosen, add up to the total (as read, or put right).</summary>
    public bool AddsUp => Resolved || AddedUpAsRead;
}

/// <summary>
/// Lets a written total choose among the readings of the numbers it sums. Every way of reading the numbers that changes at
/// most two of them to one of their next-best readings is weighed (the product of how much less likely each change is than
/// the reading it replaces); those that add up are the explanations, and against them stand the writer's own slip (a total
/// that never added up) and a misreading no candidate covers. The likeliest explanation is chosen when it is likelier than
/// all the others together; each number's likelihood is then the share of the weight that agrees with its chosen reading.
/// A misreading that an equally likely other one could explain is never resolved: both cells stay for review.
/// </summary>
public static class SumCheck
{
    /// <summary>How much likelier a reading that adds up is than a written total that does not add up at all (a slip of the writer's).</summary>
    public const double WriterSlip = 0.01;

    /// <summary>
    /// Of what a number's unlisted readings weigh together, the share the one value that would close the gap may have: the
    /// rest of that weight is spread over values that would not.
    /// </summary>
    public const double UnlistedShare = 0.1;

    /// <summary>
    /// How often a number is misread in a way no candidate lists, however sure its reading: a digit lost with the specks or
    /// one split in two (about one cell in 200, set before measuring; the classifier's own doubt adds to it).
    /// </summary>
    public const double CutSlip = 0.005;

    /// <summary>Readings this much less likely than the one they would replace are not weighed.</summary>
    private const double Negligible = 1e-7;

    public static SumVerdict Resolve(IReadOnlyList<SumTerm> terms)
    {
        var asRead = terms.Select(_ => 0).ToArray();
        if (terms.Count(t => t.IsTotal) != 1 || terms.Any(t => t.Candidates.Count == 0))
        {
            return new SumVerdict(false, false, asRead, [.. terms.Select(_ => 0.0)]);
        }

        // How far the total is from the sum as read, and what each other reading would move that by.
        var gap = terms.Sum(t => t.IsTotal ? t.Candidates[0].Value : -t.Candidates[0].Value);
        var changes = new List<Change>();
        for (var t = 0; t < terms.Count; t++)
        {
            var read = terms[t].Candidates[0];
            for (var j = 1; j < terms[t].Candidates.Count; j++)
            {
                var other = terms[t].Candidates[j];
                var ratio = read.Likelihood > 0 ? other.Likelihood / read.Likelihood : 0;
                if (ratio >= Negligible)
                {
                    changes.Add(new Change(t, j, Math.Min(1, ratio), (other.Value - read.Value) * (terms[t].IsTotal ? -1 : 1)));
                }
            }
        }

        var explanations = new List<(IReadOnlyList<Change> Changes, double Weight)>();
        if (gap == 0)
        {
            explanations.Add(([], 1));
        }

        var byShift = changes.ToLookup(c => c.Shift);
        foreach (var change in byShift[gap])
        {
            explanations.Add(([change], change.Ratio));
        }

        for (var a = 0; a < changes.Count; a++)
        {
            foreach (var b in byShift[gap - changes[a].Shift])
            {
                var first = changes[a];
                if (b.Term > first.Term)
                {
                    explanations.Add(([first, b], first.Ratio * b.Ratio));
                }
            }
        }

        // Against the explanations: the writer's slip, and a misreading of some number beyond its candidates.
        var beyond = terms.Select(t => t.Candidates[0].Likelihood > 0 ? UnlistedShare * (t.Residual + (t.Sure ? 0 : CutSlip)) / t.Candidates[0].Likelihood : 0).ToArray();
        var unexplained = gap == 0 ? 0 : WriterSlip + beyond.Sum();
        var whole = explanations.Sum(e => e.Weight) + unexplained;
        if (whole <= 0)
        {
            return new SumVerdict(false, false, asRead, [.. terms.Select(_ => 0.0)]);
        }

        // The likeliest explanation is taken when it is likelier than everything else together; otherwise nothing is changed.
        var best = explanations.Count == 0 ? default : explanations.MaxBy(e => e.Weight);
        var resolved = explanations.Count > 0 && best.Weight / whole >= 0.5;
        var chosen = asRead.ToArray();
        foreach (var change in resolved ? best.Changes : [])
        {
            chosen[change.Term] = change.Candidate;
        }

        var likelihood = new double[terms.Count];
        for (var t = 0; t < terms.Count; t++)
        {
            var agreeing = explanations.Where(e => (e.Changes.FirstOrDefault(c => c.Term == t)?.Candidate ?? 0) == chosen[t]).Sum(e => e.Weight);
            if (gap != 0)
            {
                // Under a slip the number is what it reads as; under another number's misreading, it is as read.
                var total = terms[t].Candidates.Sum(c => c.Likelihood) + terms[t].Residual;
                agreeing += WriterSlip * (total > 0 ? terms[t].Candidates[chosen[t]].Likelihood / total : 0);
                agreeing += chosen[t] == 0 ? beyond.Where((_, k) => k != t).Sum() : 0;
            }

            likelihood[t] = Math.Clamp(agreeing / whole, 0, 1);
        }

        return new SumVerdict(resolved, gap == 0, chosen, likelihood);
    }

    private sealed record Change(int Term, int Candidate, double Ratio, decimal Shift);
}
