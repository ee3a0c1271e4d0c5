namespace Platform.Abstractions.Modules;

/// <summary>
/// Declares that a module needs other modules, named by their startup types so a typo is a
/// compile error. The host starts dependencies first and refuses to start without them.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class DependsOnAttribute(params Type[] modules) : Attribute
{
    public IReadOnlyList<Type> Modules { get; } = modules;
}
