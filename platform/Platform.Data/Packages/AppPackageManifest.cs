using System.Text.Json;
using Platform.Core.Metadata;

namespace Platform.Data.Packages;

/// <summary>
/// A package's <c>package.json</c>: its name, version and what it needs installed first
/// (<c>{ "name": "crm", "version": "1.2.0", "dependencies": { "samples": "1.0.0" } }</c> — a dependency's value is the lowest version it works with).
/// </summary>
public sealed record AppPackageManifest(string Name, string? Description, Version Version, IReadOnlyDictionary<string, Version> Dependencies)
{
    public const string FileName = "package.json";

    /// <summary>The version of a package whose manifest names none.</summary>
    public static readonly Version Unversioned = new(0, 0, 0);

    /// <summary>The package's manifest, null when it has none (a bare folder of documents, applied without being installed as an app), or the problems in it.</summary>
    public static (AppPackageManifest? Manifest, IReadOnlyList<MetadataError> Problems) Read(IReadOnlyList<AppPackageFile> files)
    {
        if (files.FirstOrDefault(f => f.Path == FileName) is not { } file)
        {
            return (null, []);
        }

        JsonElement root;
        try
        {
            root = JsonDocument.Parse(file.Content).RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, [new($"{FileName}: $", $"Not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:", 2)[0]}")]);
        }

        var problems = new List<MetadataError>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || !ValidName(name.GetString()!))
        {
            problems.Add(new($"{FileName}: $.name", "A package needs a name of lower-case letters, digits, '-' and '_' (e.g. \"crm\")."));
            return (null, problems);
        }

        var version = Unversioned;
        if (root.TryGetProperty("version", out var written) && (written.ValueKind != JsonValueKind.String || !TryVersion(written.GetString()!, out version)))
        {
            problems.Add(new($"{FileName}: $.version", $"'{written}' is not a version: write it as numbers with dots, e.g. \"1.2.0\"."));
        }

        var dependencies = new Dictionary<string, Version>(StringComparer.Ordinal);
        if (root.TryGetProperty("dependencies", out var needs))
        {
            if (needs.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new($"{FileName}: $.dependencies", "Dependencies are an object: the name of each package needed, with the lowest version that will do (\"samples\": \"1.0.0\")."));
            }
            else
            {
                foreach (var need in needs.EnumerateObject())
                {
                    if (!ValidName(need.Name))
                    {
                        problems.Add(new($"{FileName}: $.dependencies.{need.Name}", $"'{need.Name}' is not a package name."));
                    }
                    else if (need.Value.ValueKind != JsonValueKind.String || !TryVersion(need.Value.GetString()!.TrimStart('>', '=', '^', '~', ' '), out var lowest))
                    {
                        problems.Add(new($"{FileName}: $.dependencies.{need.Name}", $"'{need.Value}' is not a version: write the lowest version that will do, e.g. \"1.0.0\"."));
                    }
                    else
                    {
                        dependencies[need.Name] = lowest;
                    }
                }
            }
        }

        var description = root.TryGetProperty("description", out var about) && about.ValueKind == JsonValueKind.String ? about.GetString() : null;
        return problems.Count > 0 ? (null, problems) : (new AppPackageManifest(name.GetString()!, description, version, dependencies), []);
    }

    /// <summary>The manifest as written into an exported package.</summary>
    public string Write()
    {
        var document = new Dictionary<string, object?> { ["name"] = Name, ["description"] = Description, ["version"] = Show(Version) };
        if (Dependencies.Count > 0)
        {
            document["dependencies"] = Dependencies.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => Show(d.Value));
        }

        return AppPackageDocuments.Json(FileName, document.Where(d => d.Value is not null).ToDictionary(), JsonSerializerOptions.Default).Content;
    }

    /// <summary>A version as people write it: at least major.minor.patch.</summary>
    public static string Show(Version version) => AppPackageNames.Show(version);

    private static bool ValidName(string name) => AppPackageNames.IsName(name);

    private static bool TryVersion(string text, out Version version) => AppPackageNames.TryVersion(text, out version);
}
