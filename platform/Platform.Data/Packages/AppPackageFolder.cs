using System.Text.Json;

namespace Platform.Data.Packages;

/// <summary>Reads and writes app packages as folders: <c>package.json</c> plus <c>entities/*.json</c>.</summary>
public static class AppPackageFolder
{
    public const string EntitiesFolder = "entities";

    public static IReadOnlyList<AppPackageFile> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"There is no package folder at {Path.GetFullPath(folder)}.");
        }

        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(file => new AppPackageFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), File.ReadAllText(file)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    public static void Write(string folder, IEnumerable<AppPackageFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content.EndsWith('\n') ? file.Content : file.Content + "\n");
        }
    }

    private static readonly JsonSerializerOptions ManifestOptions = new() { WriteIndented = true, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string Manifest(string name, string? description) => JsonSerializer.Serialize(new { name, description }, ManifestOptions);
}
