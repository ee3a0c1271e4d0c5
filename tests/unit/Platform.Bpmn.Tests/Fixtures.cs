namespace Platform.Bpmn.Tests;

/// <summary>The shared BPMN conformance files (../shared/fixtures next to the repository), read in place, never copied.</summary>
public static class Fixtures
{
    public static string? Folder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "fixtures", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static IEnumerable<string> Files(string folder, string pattern) =>
        Folder(folder) is { } path ? Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal) : [];

    public static void SkipUnlessPresent(string folder) =>
        Skip.If(Folder(folder) is null, $"The shared BPMN fixtures (../shared/fixtures/{folder}) are not on this machine.");
}
