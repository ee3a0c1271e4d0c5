using System.Text.Json;

namespace Platform.Data.Packages;

/// <summary>
/// Reads and writes app packages as folders: <c>package.json</c>, <c>entities/*.json</c>, <c>workflows/*.bpmn</c>, and the folders of the
/// modules' parts (<c>views/</c>, <c>menus/</c>, <c>roles/</c>, <c>print/</c> with its <c>*.liquid</c> templates).
/// </summary>
public static class AppPackageFolder
{
    public const string EntitiesFolder = "entities";

    public static IReadOnlyList<AppPackageFile> Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"There is no package folder at {Path.GetFullPath(folder)}.");
        }

        return Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase)
                || file.EndsWith(".liquid", StringComparison.OrdinalIgnoreCase) || AppPackageFile.IsPicture(file))
            .Select(file => AppPackageFile.IsPicture(file)
                ? new AppPackageFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), "") { Bytes = File.ReadAllBytes(file) }
                : new AppPackageFile(Path.GetRelativePath(folder, file).Replace('\\', '/'), Text(file)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A document's text; XML files in the encoding they declare (BPMN from some modelers is ISO-8859-1).</summary>
    private static string Text(string file)
    {
        if (!file.EndsWith(".bpmn", StringComparison.OrdinalIgnoreCase))
        {
            return File.ReadAllText(file);
        }

        try
        {
            using var reader = System.Xml.XmlReader.Create(file, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
            var document = System.Xml.Linq.XDocument.Load(reader, System.Xml.Linq.LoadOptions.PreserveWhitespace);
            return document.ToString(System.Xml.Linq.SaveOptions.DisableFormatting);
        }
        catch (System.Xml.XmlException)
        {
            return File.ReadAllText(file); // the BPMN reader reports what is wrong, with the line
        }
    }

    public static void Write(string folder, IEnumerable<AppPackageFile> files)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (file.Bytes is { } bytes)
            {
                File.WriteAllBytes(path, bytes);
                continue;
            }

            File.WriteAllText(path, file.Content.EndsWith('\n') ? file.Content : file.Content + "\n");
        }
    }

}
