using System.Reflection;

namespace Platform.Abstractions.Modules;

/// <summary>A module the host found: its id (the assembly name), startup type and declared dependencies.</summary>
public sealed record ModuleDescriptor(string Id, Type StartupType, IReadOnlyList<Type> Dependencies)
{
    public Assembly Assembly => StartupType.Assembly;

    public static ModuleDescriptor For(Type startupType)
    {
        var dependencies = startupType.GetCustomAttributes<DependsOnAttribute>()
            .SelectMany(a => a.Modules)
            .Distinct()
            .ToList();
        return new ModuleDescriptor(IdOf(startupType), startupType, dependencies);
    }

    public static string IdOf(Type startupType) => startupType.Assembly.GetName().Name ?? startupType.FullName!;
}
