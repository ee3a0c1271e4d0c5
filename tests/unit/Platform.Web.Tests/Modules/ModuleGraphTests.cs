using Platform.Abstractions.Configuration;
using Platform.Abstractions.Modules;
using Platform.Web.Modules;

namespace Platform.Web.Tests.Modules;

public sealed class ModuleGraphTests
{
    private static ModuleDescriptor Module(string id, params string[] dependsOn) => new(id, typeof(object), dependsOn);

    [Fact]
    public void Starts_every_module_after_the_modules_it_depends_on()
    {
        var ordered = ModuleGraph.Order(
            [Module("Sales", "Entities", "Approvals"), Module("Approvals", "Workflows"), Module("Workflows", "Entities"), Module("Entities")],
            []);

        var ids = ordered.Select(m => m.Id).ToList();
        Assert.Equal(["Entities", "Workflows", "Approvals", "Sales"], ids);
    }

    [Fact]
    public void Orders_independent_modules_by_id_so_every_machine_starts_the_same_way()
    {
        var once = ModuleGraph.Order([Module("C"), Module("A"), Module("B")], []).Select(m => m.Id);
        var again = ModuleGraph.Order([Module("B"), Module("C"), Module("A")], []).Select(m => m.Id);

        Assert.Equal(["A", "B", "C"], once);
        Assert.Equal(once, again);
    }

    [Fact]
    public void Refuses_a_cycle_and_names_the_modules_in_it()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() =>
            ModuleGraph.Order([Module("A", "B"), Module("B", "C"), Module("C", "A"), Module("D")], []));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Contains("A -> B -> C -> A", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("D", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_module_that_depends_on_itself()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => ModuleGraph.Order([Module("A", "A")], []));

        Assert.Contains("A -> A", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_missing_dependency_naming_both_modules()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() => ModuleGraph.Order([Module("Sales", "Inventory")], []));

        Assert.Contains("'Sales' depends on 'Inventory'", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not contain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_enabled_module_whose_dependency_is_disabled()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() =>
            ModuleGraph.Order([Module("Sales", "Inventory")], [Module("Inventory")]));

        Assert.Contains("'Sales' depends on 'Inventory', which is disabled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Platform:Modules:Inventory:Enabled", error.Message, StringComparison.Ordinal);
    }
}
