using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Storage;
using Platform.Core.Records;
using Platform.Core.Security;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Entities;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// Processes that start by themselves: when records of an entity are created or a field changes
/// (with a condition), in the same transaction as the save; and on a schedule, exactly once per
/// firing however often the dispatcher looks.
/// </summary>
public sealed class TriggerTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Triggered = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="vip_welcome" isExecutable="true">
            <startEvent id="became_vip" platform:entity="product" platform:on="updated" platform:fields="status"
                        platform:condition="record.status == 'sale' &amp;&amp; previous.status != 'sale'"/>
            <sequenceFlow id="f1" sourceRef="became_vip" targetRef="announce"/>
            <userTask id="announce" name="Announce ${record.name}"/>
            <sequenceFlow id="f2" sourceRef="announce" targetRef="e"/><endEvent id="e"/>
          </process>
          <process id="new_product" isExecutable="true">
            <startEvent id="created" platform:entity="product" platform:on="created" platform:condition="record.code.startsWith('X')"/>
            <sequenceFlow id="g1" sourceRef="created" targetRef="check"/>
            <userTask id="check" name="Check"/>
            <sequenceFlow id="g2" sourceRef="check" targetRef="ge"/><endEvent id="ge"/>
          </process>
        </definitions>
        """;

    private const string Nightly = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="nightly_cleanup" isExecutable="true">
            <startEvent id="every_hour"><timerEventDefinition><timeCycle>R2/PT1H</timeCycle></timerEventDefinition></startEvent>
            <sequenceFlow id="f1" sourceRef="every_hour" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static async Task DeployAsync(PlatformHost host, string xml)
    {
        var result = await host.InScopeAsync(s => s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(xml), "admin"));
        Assert.Empty(result.Problems);
    }

    private static Task<List<(string Key, Guid? Record, string Status)>> InstancesAsync(PlatformHost host) =>
        host.InScopeAsync(async s => (await s.GetRequiredService<PlatformDbContext>().WorkflowInstances.AsNoTracking().OrderBy(i => i.Id).ToListAsync())
            .Select(i => (i.ProcessKey, i.RecordId, i.Status)).ToList());

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_field_change_that_meets_the_condition_starts_the_process_bound_to_the_record(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        await DeployAsync(host, Triggered);
        var person = new Actor("u-1", "lin", Access: new RecordAccess(true, []));
        Task<RecordResult> Save(Func<RecordStore, Task<RecordResult>> work) => host.InScopeAsync(s => work(s.GetRequiredService<RecordStore>()));

        var plain = await Save(r => r.CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-1", ["name"] = "Scarf", ["status"] = "draft" }, person));
        var special = await Save(r => r.CreateAsync("product", new Dictionary<string, object?> { ["code"] = "X-1", ["name"] = "Shawl" }, person));
        var id = (Guid)plain.Record!["id"]!;
        Assert.Equal([("new_product", (Guid?)special.Record!["id"], "running")], await InstancesAsync(host));

        // A change to another field, then the change the trigger waits for, then the same value again.
        var notes = await Save(r => r.UpdateAsync("product", id, 1, new Dictionary<string, object?> { ["notes"] = "wool" }, person));
        Assert.Single(await InstancesAsync(host));
        var onSale = await Save(r => r.UpdateAsync("product", id, 2, new Dictionary<string, object?> { ["status"] = "sale" }, person));
        Assert.True(onSale.Succeeded, string.Join("; ", onSale.Errors));
        await Save(r => r.UpdateAsync("product", id, 3, new Dictionary<string, object?> { ["status"] = "sale", ["name"] = "Scarf II" }, person));

        var instances = await InstancesAsync(host);
        Assert.Equal(2, instances.Count);
        Assert.Equal(("vip_welcome", (Guid?)id, "running"), instances[1]);
        var task = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.SingleAsync(t => t.ElementId == "announce"));
        Assert.Equal("Announce Scarf", task.Name);
        Assert.Equal(id, task.RecordId);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Trigger_conditions_and_steps_see_the_user_rules_see_with_the_department_manager(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        var east = await Accounts.CreateDepartmentAsync(host, "华东");
        var boss = await Accounts.CreateUserInAsync(host, "boss", "Passw0rd!longer", east);
        await Accounts.SetManagerAsync(host, east, boss);
        await DeployAsync(host, Triggered
            .Replace("record.code.startsWith('X')", $"user.manager == '{boss}' &amp;&amp; user.department == '{east}' &amp;&amp; user.roles.includes('Sales')", StringComparison.Ordinal)
            .Replace("<userTask id=\"check\" name=\"Check\"/>", "<userTask id=\"check\" name=\"Check for ${user.manager} (${user.name})\"/>", StringComparison.Ordinal));
        var inEast = new Actor("u-1", "lin", east, new RecordAccess(true, []), ["Sales"]);
        var elsewhere = inEast with { DepartmentId = null };

        await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-1" }, elsewhere));
        Assert.Empty(await InstancesAsync(host));
        await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "A-2" }, inEast));

        Assert.Single(await InstancesAsync(host));
        var task = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.SingleAsync(t => t.ElementId == "check"));
        Assert.Equal($"Check for {boss} (lin)", task.Name);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_trigger_whose_condition_fails_refuses_the_save_and_keeps_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(EntitySamples.Product(), "admin"));
        await DeployAsync(host, Triggered.Replace("record.code.startsWith('X')", "record.nothing.startsWith('X')", StringComparison.Ordinal));
        var person = new Actor("u-1", "lin", Access: new RecordAccess(true, []));

        var refused = await host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("product", new Dictionary<string, object?> { ["code"] = "X-2" }, person));

        Assert.Equal(RecordOutcome.Invalid, refused.Outcome);
        Assert.Contains("new_product", refused.Errors.Single().Message, StringComparison.Ordinal);
        Assert.Empty(await InstancesAsync(host));
        Assert.Equal(0, await host.InScopeAsync(async s =>
        {
            await using var products = await s.GetRequiredService<RecordStore>().OpenReaderAsync("product");
            return await products!.Live.CountAsync();
        }));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_timer_start_event_starts_one_instance_per_firing_until_its_cycle_ends(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await DeployAsync(host, Nightly);
        var dispatcher = host.Services.GetRequiredService<WorkflowTimerDispatcher>();

        Assert.Equal(0, await dispatcher.RunDueAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        Assert.Equal(1, await dispatcher.RunDueAsync());
        Assert.Equal(0, await dispatcher.RunDueAsync());
        host.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await dispatcher.RunDueAsync());
        host.Clock.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await dispatcher.RunDueAsync());

        var instances = await InstancesAsync(host);
        Assert.Equal(2, instances.Count);
        Assert.All(instances, i => Assert.Equal(("nightly_cleanup", "completed"), (i.Key, i.Status)));
        Assert.Empty(await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowStartTimers.ToListAsync()));
    }

    private const string OnMessage = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <message id="m_order" name="order_received"/>
          <process id="pick_goods" isExecutable="true">
            <startEvent id="by_hand"/>
            <startEvent id="order_in"><messageEventDefinition messageRef="m_order"/></startEvent>
            <sequenceFlow id="f0" sourceRef="by_hand" targetRef="pick"/>
            <sequenceFlow id="f1" sourceRef="order_in" targetRef="pick"/>
            <userTask id="pick" name="Pick ${orderNo}"/>
            <sequenceFlow id="f2" sourceRef="pick" targetRef="e"/><endEvent id="e"/>
          </process>
          <process id="send_invoice" isExecutable="true">
            <startEvent id="order_in_2"><messageEventDefinition messageRef="m_order"/></startEvent>
            <sequenceFlow id="g1" sourceRef="order_in_2" targetRef="invoice"/>
            <userTask id="invoice" name="Invoice ${orderNo}"/>
            <sequenceFlow id="g2" sourceRef="invoice" targetRef="ge"/><endEvent id="ge"/>
          </process>
        </definitions>
        """;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_message_starts_every_process_whose_start_event_catches_it(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        await DeployAsync(host, OnMessage);
        var client = await host.CreateAdminClientAsync();

        var response = await client.PostAsync("/api/workflows/messages/order_received",
            new StringContent("""{"variables":{"orderNo":"SO-7"}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var started = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("instances");
        Assert.Equal(2, started.GetArrayLength());
        var tasks = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.Select(t => t.Name).OrderBy(n => n).ToListAsync());
        Assert.Equal(["Invoice SO-7", "Pick SO-7"], tasks);
        var history = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowHistory
            .Where(h => h.Event == "started").Select(h => h.ElementId).OrderBy(e => e).ToListAsync());
        Assert.Equal(["order_in", "order_in_2"], history);

        // Started by key, the same process begins at its none start event.
        var byKey = await client.PostAsync("/api/workflows/processes/pick_goods/instances", new StringContent("""{"variables":{"orderNo":"SO-8"}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Created, byKey.StatusCode);
        Assert.Contains("by_hand", await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowHistory
            .Where(h => h.Event == "started").Select(h => h.ElementId).ToListAsync()));

        var unknown = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/messages/nobody_listens") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        unknown.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await client.SendAsync(unknown);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Contains("没有已部署的流程由此消息启动", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, (await InstancesAsync(host)).Count);
    }
}
