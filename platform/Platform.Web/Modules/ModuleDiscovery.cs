using System.Reflection;
using Microsoft.Extensions.DependencyModel;
using Platform.Abstractions.Configuration;
using Platform.Abstractions.Modules;

namespace Platform.Web.Modules;

/// <summary>
/// Finds the modules the host references: every assembly in the application's dependency graph
/// that depends on Platform.Abstractions and holds exactly one <see cref="ModuleStartup"/>.
/// </summary>
public static class ModuleDiscovery
{
    private const string ContractAssembly = "Platform.Abstractions";

    public static IReadOnlyList<ModuleDescriptor> FindReferencedModules()
    {
        var context = DependencyContext.Default
            ?? throw new PlatformConfigurationException("The host has no dependency manifest (.deps.json); modules cannot be discovered.");
        var libraries = context.RuntimeLibraries.ToDictionary(l => l.Name, StringComparer.OrdinalIgnoreCase);
        var reaches = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var candidates = libraries.Keys.Where(name => ReachesContract(name, libraries, reaches)).Order(StringComparer.Ordinal);
        return candidates.SelectMany(name => StartupTypesIn(Assembly.Load(new AssemblyName(name))))
            .Select(ModuleDescriptor.For)
            .ToList();
    }

    /// <summary>True when the library depends, directly or through others, on the module contract.</summary>
    private static bool ReachesContract(string name, IReadOnlyDictionary<string, RuntimeLibrary> libraries, Dictionary<string, bool> memo)
    {
        if (memo.TryGetValue(name, out var known))
        {
            return known;
        }

        memo[name] = false; // guards against dependency cycles in odd manifests
        var result = libraries.TryGetValue(name, out var library)
            && library.Dependencies.Any(d => d.Name.Equals(ContractAssembly, StringComparison.OrdinalIgnoreCase) || ReachesContract(d.Name, libraries, memo));
        memo[name] = result;
        return result;
    }

    internal static IEnumerable<Type> StartupTypesIn(Assembly assembly)
    {
        var startups = assembly.GetExportedTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(ModuleStartup)))
            .ToList();
        if (startups.Count > 1)
        {
            throw new PlatformConfigurationException(
                $"Assembly '{assembly.GetName().Name}' has {startups.Count} module startups ({string.Join(", ", startups.Select(t => t.FullName))}); a module has exactly one.");
        }

        return startups;
    }
}
