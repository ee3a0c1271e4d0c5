using Platform.Abstractions.Configuration;
using Platform.Abstractions.Modules;

namespace Platform.Web.Modules;

/// <summary>
/// Orders modules so every module starts after the modules it depends on, and refuses a set that
/// cannot start: a missing dependency, a dependency switched off, or a cycle. Ties keep the
/// module ids in ordinal order so start-up is the same on every machine.
/// </summary>
public static class ModuleGraph
{
    public static IReadOnlyList<ModuleDescriptor> Order(IReadOnlyCollection<ModuleDescriptor> enabled, IReadOnlyCollection<ModuleDescriptor> disabled)
    {
        var byId = enabled.ToDictionary(m => m.Id, StringComparer.Ordinal);
        var disabledIds = disabled.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var module in enabled.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            foreach (var dependency in module.DependencyIds)
            {
                if (disabledIds.Contains(dependency))
                {
                    problems.Add($"Module '{module.Id}' depends on '{dependency}', which is disabled in configuration (Platform:Modules:{dependency}:Enabled). Enable '{dependency}' or disable '{module.Id}' too.");
                }
                else if (!byId.ContainsKey(dependency))
                {
                    problems.Add($"Module '{module.Id}' depends on '{dependency}', which the host does not contain. Add a reference to '{dependency}' to the host.");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new PlatformConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var ordered = new List<ModuleDescriptor>(enabled.Count);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var path = new Stack<string>();
        foreach (var module in enabled.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            Visit(module);
        }

        return ordered;

        void Visit(ModuleDescriptor module)
        {
            if (state.TryGetValue(module.Id, out var done))
            {
                if (!done)
                {
                    var cycle = path.Reverse().SkipWhile(id => id != module.Id).Append(module.Id);
                    throw new PlatformConfigurationException($"Modules depend on each other in a cycle: {string.Join(" -> ", cycle)}.");
                }

                return;
            }

            state[module.Id] = false;
            path.Push(module.Id);
            foreach (var dependency in module.DependencyIds.Order(StringComparer.Ordinal))
            {
                Visit(byId[dependency]);
            }

            path.Pop();
            state[module.Id] = true;
            ordered.Add(module);
        }
    }
}
