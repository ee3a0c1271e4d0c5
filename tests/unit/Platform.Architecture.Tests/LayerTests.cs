using System.Reflection;
using NetArchTest.Rules;

namespace Platform.Architecture.Tests;

/// <summary>
/// Which project may depend on which (see docs/architecture.md). Modules compile against the
/// abstractions and the database-free libraries only; the host composes the implementations and
/// chooses the databases.
/// </summary>
public sealed class LayerTests
{
    private static readonly string[] Modules = ["Platform.Entities", "Platform.RecordPages", "Platform.DataTransfer", "Platform.RecordApi", "Platform.Identity", "Platform.Workflows", "Platform.OcrCapture", "Platform.Inventory", "Platform.Reports", "Platform.Printing", "Platform.Apps"];

    private static readonly string[] PlatformProjects =
        ["Platform.Abstractions", "Platform.Core", "Platform.Rules", "Platform.Data", "Platform.Data.Sqlite", "Platform.Data.PostgreSql",
         "Platform.Data.SqlServer", "Platform.Bpmn", "Platform.Stock", "Platform.Ocr", "Platform.Web", "Platform.Records.Abstractions", "Platform.Records.Query",
         "Platform.Workflows.Abstractions", "Platform.Web.Abstractions", "Platform.Web.Components"];

    /// <summary>What a module may compile against: the contracts, and libraries that hold no database, host or engine.</summary>
    private static readonly string[] ModuleMayUse =
        ["Platform.Abstractions", "Platform.Core", "Platform.Records.Abstractions", "Platform.Workflows.Abstractions", "Platform.Web.Abstractions",
         "Platform.Records.Query", "Platform.Rules", "Platform.Web.Components", "Platform.Ocr"];

    private static readonly string[] Providers = ["Platform.Data.Sqlite", "Platform.Data.PostgreSql", "Platform.Data.SqlServer"];

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
    public void A_module_uses_only_the_abstractions_and_database_free_libraries(string module)
    {
        var used = Load(module).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Platform.", StringComparison.Ordinal)).ToList();

        Assert.Contains("Platform.Records.Abstractions", used);
        Assert.Empty(used.Except(ModuleMayUse));
    }

    [Theory]
    [MemberData(nameof(ModuleProjects))]
    public void A_module_project_references_only_the_abstractions_and_database_free_libraries(string module)
    {
        var referenced = ProjectReferences(Path.Combine("modules", module, module + ".csproj"));

        Assert.NotEmpty(referenced);
        Assert.Empty(referenced.Except(ModuleMayUse));
    }

    public static TheoryData<string> Contracts => ["Platform.Records.Abstractions", "Platform.Workflows.Abstractions", "Platform.Web.Abstractions"];

    [Theory]
    [MemberData(nameof(Contracts))]
    public void The_abstractions_hold_no_implementation(string project)
    {
        var result = Types.InAssembly(Load(project)).ShouldNot()
            .HaveDependencyOnAny(["Platform.Data", "Platform.Bpmn", "Platform.Web.Data", "Platform.Web.Hosting.PlatformBuilderExtensions", "Microsoft.EntityFrameworkCore.Relational", "Jint", .. Providers])
            .GetResult();

        Assert.True(result.IsSuccessful, Offenders(result));
        Assert.Empty(ProjectReferences(Path.Combine("platform", project, project + ".csproj")).Except([.. ModuleMayUse.Where(m => m != "Platform.Rules" && m != "Platform.Records.Query" && m != "Platform.Ocr")]));
    }

    [Fact]
    public void Only_the_host_and_the_command_line_name_the_databases()
    {
        foreach (var project in PlatformProjects.Except(Providers))
        {
            Assert.Empty(Load(project).GetReferencedAssemblies().Select(a => a.Name!).Intersect(Providers));
        }

        Assert.Empty(ProjectReferences(Path.Combine("platform", "Platform.Web", "Platform.Web.csproj")).Intersect(Providers));
        Assert.Equal(Providers.Order(), ProjectReferences(Path.Combine("apps", "Platform.Host", "Platform.Host.csproj")).Intersect(Providers).Order());
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
    public void Stock_valuation_and_ledger_replay_stay_free_of_the_database_and_the_ledger_maps_its_own_tables()
    {
        var valuation = Types.InAssembly(Load("Platform.Stock")).That().ResideInNamespaceMatching(@"^Platform\.Stock\.(Valuation|Ledger)(\.|$)");
        var result = valuation.ShouldNot().HaveDependencyOnAny(["Microsoft.EntityFrameworkCore", "Platform.Data", "Platform.Records", .. Web]).GetResult();

        Assert.True(valuation.GetTypes().Count() >= 8, "The valuation's types were not found where the rule looks for them.");
        Assert.True(result.IsSuccessful, Offenders(result));
        Assert.DoesNotContain("Platform.Stock", Load("Platform.Data").GetReferencedAssemblies().Select(a => a.Name!));
        Assert.Contains(Types.InAssembly(Load("Platform.Stock")).That().ImplementInterface(typeof(Platform.Data.IModelPart)).GetTypes(), t => t.Name == "StockTables");
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
    public void The_workflow_engine_maps_its_own_tables_and_the_database_knows_nothing_of_workflows()
    {
        var referenced = Load("Platform.Data").GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var engineTables = Types.InAssembly(Load("Platform.Bpmn")).That().ImplementInterface(typeof(Platform.Data.IModelPart)).GetTypes().ToList();

        Assert.DoesNotContain("Platform.Bpmn", referenced);
        Assert.DoesNotContain("Platform.Workflows.Abstractions", referenced);
        Assert.Contains(engineTables, t => t.Name == "WorkflowTables");
    }

    [Fact]
    public void Rules_filter_records_without_any_module()
    {
        // By the modules' own types: a contract project may share a module's namespace (Platform.Workflows).
        var moduleTypes = Modules.SelectMany(m => Load(m).GetTypes()).Where(t => t.IsPublic).Select(t => t.FullName!).ToArray();
        var result = Types.InAssembly(Load("Platform.Data")).ShouldNot().HaveDependencyOnAny(moduleTypes).GetResult();

        Assert.True(moduleTypes.Length > 50, "The modules' types were not found.");

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

    /// <summary>The projects a project file references, by name (the repository is found above the test's output folder).</summary>
    private static List<string> ProjectReferences(string relativePath)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Platform.sln")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, "The repository (Platform.sln) was not found above " + AppContext.BaseDirectory);
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(root!.FullName, relativePath));
        return project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }

    private static string Offenders(TestResult result) =>
        "These types break the rule: " + string.Join(", ", result.FailingTypeNames ?? []);
}
