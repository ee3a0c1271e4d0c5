using Microsoft.Extensions.Configuration;
using Platform.Abstractions.Configuration;
using Platform.Abstractions.Modules;
using Platform.Web.Modules;

namespace Platform.Web.Tests.Modules;

public sealed class ModuleCatalogTests
{
    private static readonly ModuleDescriptor Sample = ModuleDescriptor.For(typeof(Fixtures.SampleModule.Startup));
    private static readonly ModuleDescriptor Identity = ModuleDescriptor.For(typeof(Identity.Startup));

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Discovery_finds_the_referenced_modules_by_assembly_name()
    {
        var found = ModuleDiscovery.FindReferencedModules().Select(m => m.Id).ToList();

        Assert.Contains("Platform.Identity", found);
        Assert.Contains("Platform.Themes.Admin", found);
        Assert.Contains("Platform.Fixtures.SampleModule", found);
        Assert.DoesNotContain("Platform.Web", found);
    }

    [Fact]
    public void A_module_is_enabled_unless_configuration_switches_it_off()
    {
        var on = new ModuleCatalog([Sample, Identity], Settings());
        var off = new ModuleCatalog([Sample, Identity], Settings(("Platform:Modules:Platform.Fixtures.SampleModule:Enabled", "false")));

        Assert.True(on.IsEnabled(Sample.Id));
        Assert.False(off.IsEnabled(Sample.Id));
        Assert.Equal([Sample.Id], off.DisabledModules.Select(m => m.Id));
        Assert.DoesNotContain(off.Startups, s => s is Fixtures.SampleModule.Startup);
        Assert.DoesNotContain(Sample.Assembly, off.PageAssemblies);
        Assert.Contains(Sample.Assembly, on.PageAssemblies);
    }

    [Fact]
    public void A_core_module_cannot_be_switched_off()
    {
        var error = Assert.Throws<PlatformConfigurationException>(() =>
            new ModuleCatalog([Identity], Settings(("Platform:Modules:Platform.Identity:Enabled", "false"))));

        Assert.Contains("Platform.Identity", error.Message, StringComparison.Ordinal);
    }
}
