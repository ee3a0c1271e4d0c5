using System.Reflection;
using NetArchTest.Rules;

namespace Platform.Architecture.Tests;

/// <summary>
/// Which project may depend on which (see docs/architecture.md). These rules hold today and must
/// keep holding; the rule still to come with issue 17 (modules on abstractions only) joins this
/// class as its step lands.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] Modules = ["Platform.Entities", "Platform.Identity", "Platform.Workflows"];

    private static readonly string[] PlatformProjects =
        ["Platform.Abstractions", "Platform.Core", "Platform.Rules", "Platform.Data", "Platform.Data.Sqlite", "Platform.Data.PostgreSql",
         "Platform.Data.SqlServer", "Platform.Bpmn", "Platform.Ocr", "Platform.Web"];

    /// <summary>The web side of ASP.NET Core (Identity's account types are storage-level and allowed in the core model).</summary>
    private static readonly string[] Web =
        ["Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Routing", "Platform.Web"];

    private static Assembly Load(string name) => Assembly.Load(name);

    public static TheoryData<string> Platform => [.. PlatformProjects];

    [Theory]
    [MemberData(nameof(Platform))]
    public void The_platform_never_depends_on_a_module(string project)
    {
        var referenced = Load(project).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Empty(referenced.Intersect(Modules));
    }

    public static TheoryData<string> ModuleProjects => [.. Modules];

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_never_references_another_module(string module)
    {
        var referenced = Load(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Empty(referenced.Intersect(Modules.Where(m => m != module)));
    }

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_never_touches_the_whole_database(string module)
    {
        var result = Types.InAssembly(Load(module)).ShouldNot().HaveDependencyOn("Platform.Data.PlatformDbContext").GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Field_kinds_know_nothing_but_the_metadata_they_check()
    {
        var kinds = Types.InAssembly(Load("Platform.Core")).That().ResideInNamespaceStartingWith("Platform.Core.Fields");
        var result = kinds.ShouldNot()
            .HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Microsoft.Extensions.Localization", "Platform.Core.Records", "Platform.Core.Security", .. Web])
            .GetResult();

        Assert.True(kinds.GetTypes().Count() > 20, "The field kinds were not found where the rule looks for them.");
        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_core_model_knows_no_database_web_or_script_engine()
    {
        var result = Types.InAssembly(Load("Platform.Core")).ShouldNot()
            .HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Jint", "Platform.Data", "Platform.Rules", .. Web])
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_rules_sandbox_knows_no_database_or_web()
    {
        var result = Types.InAssembly(Load("Platform.Rules")).ShouldNot()
            .HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Platform.Data", .. Web])
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_workflow_runner_and_bpmn_model_stay_free_of_the_database()
    {
        var runner = Types.InAssembly(Load("Platform.Bpmn")).That().ResideInNamespaceMatching(@"^Platform\.Bpmn\.(Runtime|Parsing|Activities)(\.|$)");
        var result = runner.ShouldNot().HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Platform.Data", .. Web]).GetResult();

        Assert.True(runner.GetTypes().Count() > 30, "The runner's types were not found where the rule looks for them.");
        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void The_ocr_engine_knows_no_records_database_or_web()
    {
        var result = Types.InAssembly(Load("Platform.Ocr")).ShouldNot()
            .HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Platform.Data", .. Web])
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Rules_filter_records_without_any_module()
    {
        var result = Types.InAssembly(Load("Platform.Data")).ShouldNot().HaveDependencyOnAny(Modules).GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
    }

    [Fact]
    public void Database_providers_are_chosen_by_the_host_not_named_by_modules()
    {
        foreach (var module in Modules)
        {
            var referenced = Load(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(referenced, name => name is "Platform.Data.Sqlite" or "Platform.Data.PostgreSql" or "Platform.Data.SqlServer"
                || name.StartsWith("Npgsql", StringComparison.Ordinal) || name.StartsWith("Microsoft.EntityFrameworkCore.Sqlite", StringComparison.Ordinal)
                || name.StartsWith("Microsoft.EntityFrameworkCore.SqlServer", StringComparison.Ordinal));
        }
    }

    private static string Offenders(TestResult result) =>
        "These types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
