using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Storage;
using Platform.Core.Security;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// Webhook service tasks against a real HTTP server on a real database: sent after the step commits,
/// retried after a server error with the same idempotency key once the clock reaches the next attempt,
/// the answer kept in the result variable, and sent once even when two dispatchers reach it together.
/// </summary>
public sealed class WebhookDeliveryTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static string Process(string url) => $"""
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="tell_erp" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="hook"/>
            <serviceTask id="hook" name="Tell the ERP" platform:action="webhook" platform:url="{url}/orders/{"${orderNo}"}"
                         platform:values="{"{ orderNo: orderNo, total: total }"}" platform:resultVariable="erp"/>
            <sequenceFlow id="f2" sourceRef="hook" targetRef="check"/>
            <userTask id="check" name="Check {"${erp.body.erpId}"}"/>
            <sequenceFlow id="f3" sourceRef="check" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static async Task<Guid> StartAsync(PlatformHost host, string url, string orderNo)
    {
        await host.InScopeAsync(async s =>
        {
            var deployed = await s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Process(url)), "admin");
            Assert.Empty(deployed.Problems);
            return true;
        });
        var instance = await host.InScopeAsync(s => s.GetRequiredService<WorkflowEngine>()
            .StartAsync("tell_erp", new Dictionary<string, object?> { ["orderNo"] = orderNo, ["total"] = 99.5m }, Actor.Platform));
        return instance.Id;
    }

    private static Task<int> SendDueAsync(PlatformHost host) => host.Services.GetRequiredService<WorkflowWebhookDispatcher>().RunDueAsync();

    private static Task<List<string>> TasksAsync(PlatformHost host, Guid instance) =>
        host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.Where(t => t.InstanceId == instance && t.IsOpen).Select(t => t.Name).ToListAsync());

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_server_error_is_retried_with_the_same_key_and_the_answer_reaches_the_process(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.AnswerWith((503, """{"error":"busy"}"""), (200, """{"erpId":"E-77"}"""));
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        var instance = await StartAsync(host, receiver.Url, "SO-1");

        Assert.Equal(1, await SendDueAsync(host));
        Assert.Equal(0, await SendDueAsync(host)); // The retry is not due yet.
        Assert.Empty(await TasksAsync(host, instance));

        host.Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal(1, await SendDueAsync(host));

        var calls = receiver.Received.ToList();
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal(("POST", "/orders/SO-1", """{"orderNo":"SO-1","total":99.5}"""), (c.Method, c.Path, c.Body)));
        Assert.Equal($"{instance}:webhook2", Assert.Single(calls.Select(c => c.IdempotencyKey).Distinct()));
        Assert.Equal(["Check E-77"], await TasksAsync(host, instance));
        var history = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowHistory
            .Where(h => h.InstanceId == instance && h.ElementId == "hook").OrderBy(h => h.Id).Select(h => h.Event).ToListAsync());
        Assert.Equal(["webhookQueued", "webhookFailed", "performed", "left"], history);
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTimers.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Two_dispatchers_reaching_the_same_call_send_it_once(string provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        var instances = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            instances.Add(await StartAsync(host, receiver.Url, $"SO-{i}"));
        }

        var sent = await Task.WhenAll(SendDueAsync(host), SendDueAsync(host), SendDueAsync(host));

        Assert.Equal(10, sent.Sum());
        Assert.Equal(10, receiver.Received.Count);
        Assert.Equal(10, receiver.Received.Select(r => r.IdempotencyKey).Distinct().Count());
        foreach (var instance in instances)
        {
            Assert.Single(await TasksAsync(host, instance));
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_address_nobody_answers_ends_in_an_incident_an_admin_can_see(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"));
        // A port that was just free: the connection is refused.
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var instance = await StartAsync(host, $"http://127.0.0.1:{port}", "SO-9");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            Assert.Equal(1, await SendDueAsync(host));
            host.Clock.Advance(TimeSpan.FromMinutes(2));
        }

        var row = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.SingleAsync(i => i.Id == instance));
        Assert.Equal("incident", row.Status);
        Assert.Contains("failed after 4 attempts (could not be sent", row.Error, StringComparison.Ordinal);
        Assert.Equal(0, await SendDueAsync(host));
    }
}
