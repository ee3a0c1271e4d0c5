using System.Security.Cryptography;
using System.Text;

namespace Platform.Data.Packages;

/// <summary>
/// Which files of a package make one item, and the hash of an item's files. A print template's JSON and its Liquid are one item
/// (<c>print/sales_order</c>), as are a scan template and its blank form (<c>ocr/apparel_order</c>); every other file is an item of its own.
/// </summary>
public static class AppPackageItemKeys
{
    private static readonly string[] Suffixes = [".template.json", ".blank.png", ".json", ".liquid", ".bpmn", ".png", ".jpg"];

    /// <summary>The item a file belongs to: its path without the suffix that names its role.</summary>
    public static string Of(string path) =>
        Suffixes.FirstOrDefault(s => path.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix ? path[..^suffix.Length] : path;

    /// <summary>The package's files by item; <c>package.json</c> and sample records are not items.</summary>
    public static Dictionary<string, List<AppPackageFile>> Items(IEnumerable<AppPackageFile> files) =>
        files.Where(f => f.Path != AppPackageManifest.FileName && !f.Path.StartsWith(PackageSampleData.Folder + "/", StringComparison.Ordinal))
            .GroupBy(f => Of(f.Path), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

    /// <summary>
    /// The hash of an item's files: each path with its bytes. JSON is compared as its values are (spacing and line ends do not count), so
    /// re-indenting a file is not a change.
    /// </summary>
    public static string Hash(IEnumerable<AppPackageFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path + "\n"));
            hash.AppendData(file.Bytes ?? Encoding.UTF8.GetBytes(Normalized(file)));
            hash.AppendData("\n\0"u8);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string Normalized(AppPackageFile file)
    {
        if (file.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return System.Text.Json.Nodes.JsonNode.Parse(file.Content)?.ToJsonString() ?? "null";
            }
            catch (System.Text.Json.JsonException)
            {
                // compared as text; applying it reports what is wrong
            }
        }

        return file.Content.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
    }
}
