using System.Reflection;

namespace Platform.Abstractions.Modules;

/// <summary>
/// A module the host found: its id (the assembly name), its startup type and the ids of the
/// modules it declares with <see cref="DependsOnAttribute"/>.
/// </summary>
public sealed record ModuleDescriptor(string Id, Type StartupType, IReadOnlyList<string> DependencyIds)
{
    public Assembly Assembly => StartupType.Assembly;

    public static ModuleDescriptor For(Type startupType) =>
        new(IdOf(startupType), startupType,
            startupType.GetCustomAttributes<DependsOnAttribute>().SelectMany(a => a.Modules).Select(IdOf).Distinct().ToList());

    public static string IdOf(Type startupType) => startupType.Assembly.GetName().Name ?? startupType.FullName!;
}
