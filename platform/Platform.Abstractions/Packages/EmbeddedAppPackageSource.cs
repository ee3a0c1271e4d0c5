using System.Reflection;

namespace Platform.Abstractions.Packages;

/// <summary>
/// App-package documents compiled into a module as embedded resources named
/// <c>package:{package}/{path}</c> (see the module's project file).
/// </summary>
public sealed class EmbeddedAppPackageSource(Assembly assembly, string package) : IAppPackageDocumentSource
{
    public IEnumerable<AppPackageDocument> GetDocuments()
    {
        var prefix = $"package:{package}/";
        var moduleId = assembly.GetName().Name ?? package;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var resource = name;
            yield return new AppPackageDocument(moduleId, package, name[prefix.Length..].Replace('\\', '/'),
                () => assembly.GetManifestResourceStream(resource)
                      ?? throw new InvalidOperationException($"Embedded package document '{resource}' vanished from {moduleId}."));
        }
    }
}
