using Platform.Records.Packages;

namespace Platform.Apps.Packages;

/// <summary>What the page and the API take as lists: the kinds of document to export, and the conflict choices.</summary>
public static class AppExportChoice
{
    /// <summary>Every kind of document a package holds, in the order the page offers them; the company's settings last (never chosen by default).</summary>
    public static readonly string[] DocumentKinds = ["entities", "views", "menus", "roles", "reports", "dashboards", "print", "ocr", "workflows", "settings"];

    /// <summary>The kind that adds the exported entities' records, as the package's sample data (its folder too).</summary>
    public const string SampleData = "sample-data";

    /// <summary>The kinds an export may name: the documents', and <see cref="SampleData"/> for the records.</summary>
    public static readonly HashSet<string> Kinds = [.. DocumentKinds, SampleData];

    /// <summary>The choices for items changed on both sides: <c>theirs=views/deal.big,roles/seller</c> and <c>mine=…</c>.</summary>
    public static Dictionary<string, string> Resolutions(string? theirs, string? mine)
    {
        var choices = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (items, choice) in new[] { (mine, AppPackageResolutions.Mine), (theirs, AppPackageResolutions.Theirs) })
        {
            foreach (var item in (items ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                choices[item] = choice;
            }
        }

        return choices;
    }
}
