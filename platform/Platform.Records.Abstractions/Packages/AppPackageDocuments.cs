using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Platform.Records.Packages;

/// <summary>How exported package documents are written: indented JSON people can read and diff (Chinese as it is), and the path of a document made in the browser.</summary>
public static class AppPackageDocuments
{
    private static readonly ConcurrentDictionary<JsonSerializerOptions, JsonSerializerOptions> Readable = new();

    /// <summary>The document as a package file: the part's own JSON settings, indented, nulls left out.</summary>
    public static AppPackageFile Json<T>(string path, T document, JsonSerializerOptions options) =>
        new(path, JsonSerializer.Serialize(document, Readable.GetOrAdd(options, o => new JsonSerializerOptions(o)
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        })) + "\n");

    /// <summary>
    /// The path of a document no package brought (<c>views/customer.3f2a9c1e.json</c>): its name made safe for a file, and the start of
    /// its id so that two alike names do not meet. Applying the file keeps the path, so the next export names it the same.
    /// </summary>
    public static string NewPath(string folder, string name, Guid id, string extension = ".json") => $"{folder}/{Safe(name)}.{id.ToString("N")[..8]}{extension}";

    /// <summary>
    /// The path of a document known by its name alone (a role): the name made safe for a file (<c>CRM sales manager</c> →
    /// <c>roles/crm_sales_manager.json</c>); a name with letters a file name would lose (<c>销售经理</c>) also gets a short hash of itself.
    /// </summary>
    public static string NamedPath(string folder, string name, string extension = ".json")
    {
        var lossless = name.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '_' or '-');
        var hash = lossless ? "" : "." + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(name)))[..8];
        return $"{folder}/{Safe(name)}{hash}{extension}";
    }

    private static string Safe(string name)
    {
        var safe = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            safe.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' ? c : '_');
        }

        var stem = safe.ToString().Trim('_');
        return stem.Length == 0 ? "item" : stem;
    }
}
