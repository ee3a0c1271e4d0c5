using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Records.Packages;

namespace Platform.Apps.Packages;

/// <summary>One line of a difference: in both versions, only here (<c>-</c>), or only in the package (<c>+</c>); a gap stands for unchanged lines left out.</summary>
public sealed record DifferenceLine(char Side, string Text, int Skipped = 0);

/// <summary>
/// The difference between an item as it is here and as the package has it, line by line (longest common subsequence), with a few
/// unchanged lines around each change. JSON is shown indented with its Chinese as written, whatever its formatting in the package,
/// so only real changes show.
/// </summary>
public static class TextDifference
{
    private const int Context = 3;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<DifferenceLine> Between(IReadOnlyList<AppPackageFile> mine, IReadOnlyList<AppPackageFile> theirs)
    {
        var here = Lines(mine);
        var there = Lines(theirs);
        var common = new int[here.Length + 1, there.Length + 1];
        for (var i = here.Length - 1; i >= 0; i--)
        {
            for (var j = there.Length - 1; j >= 0; j--)
            {
                common[i, j] = here[i] == there[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var all = new List<DifferenceLine>();
        int a = 0, b = 0;
        while (a < here.Length || b < there.Length)
        {
            if (a < here.Length && b < there.Length && here[a] == there[b])
            {
                all.Add(new(' ', here[a++]));
                b++;
            }
            else if (b < there.Length && (a == here.Length || common[a, b + 1] >= common[a + 1, b]))
            {
                all.Add(new('+', there[b++]));
            }
            else
            {
                all.Add(new('-', here[a++]));
            }
        }

        return Shortened(all);
    }

    /// <summary>Unchanged lines far from any change become one gap saying how many were left out.</summary>
    private static List<DifferenceLine> Shortened(List<DifferenceLine> all)
    {
        var near = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Side != ' ')
            {
                for (var k = Math.Max(0, i - Context); k <= Math.Min(all.Count - 1, i + Context); k++)
                {
                    near[k] = true;
                }
            }
        }

        var shown = new List<DifferenceLine>();
        for (var i = 0; i < all.Count;)
        {
            if (near[i])
            {
                shown.Add(all[i++]);
                continue;
            }

            var start = i;
            while (i < all.Count && !near[i])
            {
                i++;
            }

            shown.Add(new DifferenceLine('…', "", i - start));
        }

        return shown;
    }

    private static string[] Lines(IReadOnlyList<AppPackageFile> files) =>
        [.. files.OrderBy(f => f.Path, StringComparer.Ordinal).SelectMany(f => new[] { $"# {f.Path}" }.Concat(Readable(f).Split('\n')))];

    private static string Readable(AppPackageFile file)
    {
        if (file.Bytes is { } bytes)
        {
            return $"({bytes.Length:N0} bytes)";
        }

        if (file.Path.StartsWith("entities/", StringComparison.Ordinal) && file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                // Both sides as the platform writes an entity (same order, same defaults), without the table and column names it gives
                // on applying: those are never written in a package, and are not a change.
                var entity = Platform.Core.Metadata.MetadataJson.Read(file.Content);
                entity.Table = null;
                entity.Fields.ForEach(f => f.Column = null);
                return JsonNode.Parse(Platform.Core.Metadata.MetadataJson.Write(entity))?.ToJsonString(Indented) ?? file.Content;
            }
            catch (JsonException)
            {
                // shown as written
            }
        }

        if (file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return JsonNode.Parse(file.Content)?.ToJsonString(Indented) ?? file.Content;
            }
            catch (JsonException)
            {
                // shown as written
            }
        }

        return file.Content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }
}
