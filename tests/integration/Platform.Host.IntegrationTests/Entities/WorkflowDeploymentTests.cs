using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn.Storage;
using Platform.Data;
using Platform.Data.Packages;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records.Packages;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>App packages deploy their BPMN workflows: checked, versioned, and all or nothing with the package.</summary>
public sealed class WorkflowDeploymentTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string SamplesFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples");

    private static Task<AppPackageReport> ApplyAsync(PlatformHost host, IReadOnlyList<AppPackageFile> files) =>
        host.InScopeAsync(s => s.GetRequiredService<AppPackageService>().ApplyAsync(files, "admin"));

    private static Task<List<(string Key, int Version)>> VersionsAsync(PlatformHost host) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<PlatformDbContext>().WorkflowDefinitions.OrderBy(d => d.Version).Select(d => new { d.ProcessKey, d.Version }).ToListAsync())
            .Select(d => (d.ProcessKey, d.Version)).ToList());

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_deploys_its_workflows_once_and_a_changed_file_as_a_new_version(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var files = AppPackageFolder.Read(SamplesFolder);

        var first = await ApplyAsync(host, files);
        var again = await ApplyAsync(host, files);
        var changed = files.Select(f => f.Path.EndsWith(".bpmn", StringComparison.Ordinal) ? f with { Content = f.Content.Replace("50000", "80000", StringComparison.Ordinal) } : f).ToList();
        var second = await ApplyAsync(host, changed);

        Assert.Contains("workflow sales_order_approval", first.Created);
        Assert.Contains("workflow sales_order_approval", again.Unchanged);
        Assert.Contains("workflow sales_order_approval v2", second.Changed);
        Assert.Equal([("sales_order_approval", 1), ("sales_order_approval", 2)], await VersionsAsync(host));
        var stored = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowDefinitions.SingleAsync(d => d.Version == 2));
        Assert.Contains("camunda:candidateGroups=\"Sales director\"", stored.Xml, StringComparison.Ordinal);
        Assert.Contains("80000", stored.Xml, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_package_with_a_broken_workflow_applies_nothing_and_names_the_file_and_element(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var badCondition = AppPackageFolder.Read(SamplesFolder)
            .Select(f => f.Path.EndsWith(".bpmn", StringComparison.Ordinal) ? f with { Content = f.Content.Replace("50000}", "}", StringComparison.Ordinal) } : f)
            .ToList();
        var malformed = AppPackageFolder.Read(SamplesFolder)
            .Append(new AppPackageFile("workflows/broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process"))
            .ToList();

        var condition = await ApplyAsync(host, badCondition);
        var xml = await ApplyAsync(host, malformed);

        var conditionError = Assert.Single(condition.Errors);
        Assert.StartsWith("workflows/sales_order_approval.bpmn: line ", conditionError.Path, StringComparison.Ordinal);
        Assert.StartsWith("large_order", conditionError.Message, StringComparison.Ordinal);
        var xmlError = Assert.Single(xml.Errors);
        Assert.StartsWith("workflows/broken.bpmn", xmlError.Path, StringComparison.Ordinal);
        Assert.Contains("XML", xmlError.Message, StringComparison.Ordinal);
        Assert.Empty(await VersionsAsync(host));
        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.Null(schema.Find("sales_order"));
    }
}
