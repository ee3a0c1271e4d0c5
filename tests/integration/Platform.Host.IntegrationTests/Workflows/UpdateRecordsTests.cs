using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Storage;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// The <c>updateRecords</c> service action: every record a filter finds changed through the record service, each with values
/// computed from it — all of them or, when one is refused, none, the step stopped with the record named.
/// </summary>
public sealed class UpdateRecordsTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Process(string values, string filter = "'price lt ' + limit") => $$"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="reprice" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="change"/>
            <serviceTask id="change" platform:action="updateRecords" platform:entity="product" platform:filter="{{filter}}"
                         platform:values="{{values}}" platform:resultVariable="changed"/>
            <sequenceFlow id="f2" sourceRef="change" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static async Task<PlatformHost> StartAsync(string provider, string xml)
    {
        var host = await PlatformHost.StartAsync(provider);
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var deployed = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(xml), "admin"));
        Assert.Empty(deployed.Problems);
        foreach (var (code, price) in new[] { ("A", 5m), ("B", 8m), ("C", 20m) })
        {
            var created = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = code, ["price"] = price }, Actor.Platform));
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
        }

        return host;
    }

    private static Task<List<(string Code, decimal Price, string? Notes)>> ProductsAsync(PlatformHost host) =>
        host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("product"))!;
            return reader.Live.ToList().Select(reader.Present).Select(p => ((string)p["code"]!, (decimal)p["price"]!, (string?)p["notes"])).OrderBy(p => p.Item1).ToList();
        });

    private static Task<Platform.Workflows.WorkflowInstance> RunAsync(PlatformHost host) =>
        host.InScopeAsync(async s =>
        {
            var started = await s.GetRequiredService<WorkflowEngine>().StartAsync("reprice", new Dictionary<string, object?> { ["limit"] = 10 }, Actor.Platform);
            return await s.GetRequiredService<PlatformDbContext>().WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == started.Id);
        });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_record_the_filter_finds_is_changed_with_values_computed_from_it_and_audited(string provider)
    {
        await using var host = await StartAsync(provider, Process("({ price: record.price * 2, notes: 'was ' + record.price })"));

        var instance = await RunAsync(host);

        Assert.Equal("completed", instance.Status);
        Assert.Contains("\"changed\":2", instance.State.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal([("A", 10m, "was 5"), ("B", 16m, "was 8"), ("C", 20m, null)], await ProductsAsync(host));
        var trail = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().AuditTrailAsync("product"));
        Assert.Equal(2, trail.Count(a => a.Field == "price" && a.Action == "update"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task One_refused_record_stops_the_step_with_the_record_named_and_changes_none(string provider)
    {
        // Both found get code X: the unique code refuses B's, after A was changed in the same step.
        await using var host = await StartAsync(provider, Process("({ code: 'X', price: 1 })"));

        var instance = await RunAsync(host);

        Assert.Equal("incident", instance.Status);
        Assert.Contains("updateRecords (product", instance.Error, StringComparison.Ordinal);
        Assert.Equal([("A", 5m, null), ("B", 8m, null), ("C", 20m, null)], await ProductsAsync(host));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_filter_naming_an_unknown_field_stops_the_step_and_says_so(string provider)
    {
        await using var host = await StartAsync(provider, Process("({ price: 1 })", "'colour eq 1'"));

        var instance = await RunAsync(host);

        Assert.Equal("incident", instance.Status);
        Assert.Contains("colour", instance.Error, StringComparison.Ordinal);
        Assert.Equal([("A", 5m, null), ("B", 8m, null), ("C", 20m, null)], await ProductsAsync(host));
    }
}
