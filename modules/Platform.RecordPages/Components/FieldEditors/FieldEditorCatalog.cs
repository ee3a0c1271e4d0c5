using System.Reflection;
using Platform.Abstractions.Configuration;

namespace Platform.RecordPages.Components.FieldEditors;

/// <summary>
/// The editor component of each field kind, found once by its <see cref="FieldEditorForAttribute"/>:
/// adding a kind's editor is adding one component, not a case to a switch.
/// </summary>
public static class FieldEditorCatalog
{
    private static readonly Dictionary<string, Type> Editors = Find(typeof(FieldEditorCatalog).Assembly);

    /// <summary>The editor of the kind named <paramref name="kind"/>; null when it has none (its value is shown read-only).</summary>
    public static Type? For(string kind) => Editors.GetValueOrDefault(kind);

    public static IReadOnlyCollection<string> Kinds => Editors.Keys;

    private static Dictionary<string, Type> Find(Assembly assembly)
    {
        var editors = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes().Where(t => !t.IsAbstract && typeof(FieldEditorBase).IsAssignableFrom(t)))
        {
            foreach (var kind in type.GetCustomAttribute<FieldEditorForAttribute>()?.Kinds ?? [])
            {
                if (!editors.TryAdd(kind, type))
                {
                    throw new PlatformConfigurationException($"Field kind '{kind}' has two editors: {editors[kind].Name} and {type.Name}.");
                }
            }
        }

        return editors;
    }
}
