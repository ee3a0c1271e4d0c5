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
        var candidates = context.RuntimeLibraries
            .Where(l => l.Dependencies.Any(d => d.Name == ContractAssembly) || l.Name == "Platform.Web")
            .Select(l => l.Name);
        return candidates.SelectMany(name => StartupTypesIn(Assembly.Load(new AssemblyName(name))))
            .Select(ModuleDescriptor.For)
            .ToList();
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
