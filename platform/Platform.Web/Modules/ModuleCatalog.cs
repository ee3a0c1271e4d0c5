using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Configuration;
using Platform.Abstractions.Modules;

namespace Platform.Web.Modules;

/// <summary>
/// The modules of this host, split by <c>Platform:Modules:{Id}:Enabled</c> (default true) and
/// ordered dependencies first.
/// </summary>
public sealed class ModuleCatalog : IModuleCatalog
{
    private readonly HashSet<string> _enabledIds;

    public ModuleCatalog(IReadOnlyCollection<ModuleDescriptor> found, IConfiguration configuration)
    {
        var disabled = new List<ModuleDescriptor>();
        var enabled = new List<ModuleDescriptor>();
        foreach (var module in found)
        {
            var switchedOff = configuration.GetValue<bool?>($"Platform:Modules:{module.Id}:Enabled") == false;
            if (switchedOff && !CreateStartup(module).CanBeDisabled)
            {
                throw new PlatformConfigurationException($"Module '{module.Id}' is part of the platform's core and cannot be disabled.");
            }

            (switchedOff ? disabled : enabled).Add(module);
        }

        EnabledModules = ModuleGraph.Order(enabled, disabled);
        DisabledModules = disabled;
        _enabledIds = EnabledModules.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        Startups = EnabledModules.Select(CreateStartup).ToList();
        PageAssemblies = EnabledModules.Zip(Startups)
            .Where(p => p.Second.HasPages && p.First.Assembly != typeof(ModuleCatalog).Assembly)
            .Select(p => p.First.Assembly)
            .ToList();
    }

    public IReadOnlyList<ModuleDescriptor> EnabledModules { get; }

    public IReadOnlyList<ModuleDescriptor> DisabledModules { get; }

    /// <summary>Startups of the enabled modules, in start order.</summary>
    public IReadOnlyList<ModuleStartup> Startups { get; }

    /// <summary>Assemblies of enabled modules whose routable pages the router serves.</summary>
    public IReadOnlyList<System.Reflection.Assembly> PageAssemblies { get; }

    public bool IsEnabled(string moduleId) => _enabledIds.Contains(moduleId);

    private static ModuleStartup CreateStartup(ModuleDescriptor module) =>
        (ModuleStartup)(Activator.CreateInstance(module.StartupType)
            ?? throw new PlatformConfigurationException($"Module '{module.Id}': cannot create {module.StartupType.FullName}."));
}
