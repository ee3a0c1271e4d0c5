namespace Platform.Abstractions.Modules;

/// <summary>The modules running in this host, dependencies first.</summary>
public interface IModuleCatalog
{
    IReadOnlyList<ModuleDescriptor> EnabledModules { get; }

    /// <summary>Modules present in the host but switched off in configuration.</summary>
    IReadOnlyList<ModuleDescriptor> DisabledModules { get; }

    bool IsEnabled(string moduleId);
}
