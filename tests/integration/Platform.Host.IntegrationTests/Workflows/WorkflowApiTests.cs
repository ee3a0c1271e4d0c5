using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Bpmn.Engine;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// The workflow API end to end on a real database: deploy, start, people's inboxes, completing
/// tasks, an amount-based branch, escalation by a boundary timer after the clock moved two days,
/// a restart in the middle, and refusals for bad files and for people a task is not for.
/// </summary>
public sealed class WorkflowApiTests
{
    private const string Password = "Sales-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private const string Approval = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
          <process id="order_approval" name="订单审批" isExecutable="true">
            <startEvent id="submitted"/>
            <sequenceFlow id="f1" sourceRef="submitted" targetRef="manager"/>
            <userTask id="manager" name="销售经理审批" camunda:candidateGroups="Sales manager"/>
            <boundaryEvent id="late" attachedToRef="manager" cancelActivity="true">
              <timerEventDefinition><timeDuration>P2D</timeDuration></timerEventDefinition>
            </boundaryEvent>
            <sequenceFlow id="f_late" sourceRef="late" targetRef="escalated"/>
            <userTask id="escalated" name="Escalated to the director" camunda:assignee="${director}"/>
            <sequenceFlow id="f_esc" sourceRef="escalated" targetRef="done"/>
            <sequenceFlow id="f2" sourceRef="manager" targetRef="amount"/>
            <exclusiveGateway id="amount" default="small"/>
            <sequenceFlow id="big" sourceRef="amount" targetRef="director_approval"><conditionExpression>${total > 50000}</conditionExpression></sequenceFlow>
            <sequenceFlow id="small" sourceRef="amount" targetRef="done"/>
            <userTask id="director_approval" name="销售总监审批" camunda:assignee="${director}"/>
            <sequenceFlow id="f3" sourceRef="director_approval" targetRef="done"/>
            <endEvent id="done"/>
          </process>
        </definitions>
        """;

    private static async Task<(PlatformHost Host, HttpClient Admin, HttpClient Manager, HttpClient Director, string DirectorId)> StartAsync(string provider, TestDatabase? kept = null)
    {
        var host = kept is null
            ? await PlatformHost.StartAsync(provider, ("Platform:Workflows:FireTimers", "false"))
            : PlatformHost.Start(kept, ("Platform:Workflows:FireTimers", "false"));
        await Accounts.CreateRoleAsync(host, "Sales manager");
        await Accounts.CreateUserAsync(host, "mary", Password, "Sales manager");
        var directorId = await Accounts.CreateUserAsync(host, "dave", Password);
        var admin = await host.CreateAdminClientAsync();
        var deployed = await admin.PostAsync("/api/workflows/processes", new StringContent(Approval, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        return (host, admin, await host.CreateClientForAsync("mary", Password), await host.CreateClientForAsync("dave", Password), directorId);
    }

    private static async Task<Guid> StartInstanceAsync(HttpClient client, decimal total, string director)
    {
        var response = await client.PostAsJsonAsync("/api/workflows/processes/order_approval/instances", new { variables = new { total, director } });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<List<JsonElement>> MyTasksAsync(HttpClient client, Guid instance) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray().Where(t => t.GetProperty("instanceId").GetGuid() == instance)];

    private static async Task<JsonElement> InstanceAsync(HttpClient client, Guid instance) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{instance}");

    private static Task<HttpResponseMessage> CompleteAsync(HttpClient client, JsonElement task) =>
        client.PostAsJsonAsync($"/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", new { comment = "ok" });

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_large_order_needs_the_director_after_the_manager_and_the_chain_survives_a_restart(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (host, admin, manager, director, directorId) = await StartAsync(provider, database);
        Guid large, small;
        await using (host)
        {
            large = await StartInstanceAsync(admin, 80_000m, directorId);
            small = await StartInstanceAsync(admin, 2_000m, directorId);
            Assert.Empty(await MyTasksAsync(director, large));
            var managerTask = Assert.Single(await MyTasksAsync(manager, large));
            Assert.Equal("销售经理审批", managerTask.GetProperty("name").GetString());

            // Dave is not a sales manager and has no part in this order yet: for him there is no such task.
            Assert.Equal(HttpStatusCode.NotFound, (await CompleteAsync(director, managerTask)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(manager, managerTask)).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(manager, Assert.Single(await MyTasksAsync(manager, small)))).StatusCode);
            Assert.Equal("completed", (await InstanceAsync(admin, small)).GetProperty("instance").GetProperty("status").GetString());
        }

        // A new host on the same database carries on where the old one stopped.
        await using var restarted = PlatformHost.Start(database, ("Platform:Workflows:FireTimers", "false"));
        var directorAgain = await restarted.CreateClientForAsync("dave", Password);
        var directorTask = Assert.Single(await MyTasksAsync(directorAgain, large));
        Assert.Equal("销售总监审批", directorTask.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(directorAgain, directorTask)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await CompleteAsync(directorAgain, directorTask)).StatusCode);

        var finished = await InstanceAsync(await restarted.CreateAdminClientAsync(), large);
        Assert.Equal("completed", finished.GetProperty("instance").GetProperty("status").GetString());
        var events = finished.GetProperty("history").EnumerateArray().Select(h => $"{h.GetProperty("element").GetString()}:{h.GetProperty("event").GetString()}").ToList();
        Assert.Contains("manager:taskCompleted", events);
        Assert.Contains("director_approval:taskCompleted", events);
        Assert.Equal(":completed", events[^1]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_manager_who_waits_two_days_is_escalated_by_the_boundary_timer(string provider)
    {
        var (host, admin, manager, director, directorId) = await StartAsync(provider);
        await using var _ = host;
        var instance = await StartInstanceAsync(admin, 1_000m, directorId);
        var other = await StartInstanceAsync(admin, 2_000m, directorId);
        var dispatcher = host.Services.GetRequiredService<WorkflowTimerDispatcher>();

        host.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await dispatcher.RunDueAsync());
        Assert.Single(await MyTasksAsync(await host.CreateClientForAsync("mary", Password), instance));

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        // Both instances' timers fire, sharing one commit.
        Assert.Equal(2, await dispatcher.RunDueAsync());
        // Sign-in tokens expire on the same clock: sign in again two days later.
        (admin, manager, director) = (await host.CreateAdminClientAsync(), await host.CreateClientForAsync("mary", Password), await host.CreateClientForAsync("dave", Password));
        Assert.Empty(await MyTasksAsync(manager, instance));
        var escalated = Assert.Single(await MyTasksAsync(director, instance));
        Assert.Equal("Escalated to the director", escalated.GetProperty("name").GetString());
        Assert.Single(await MyTasksAsync(director, other));
        var tasks = (await InstanceAsync(admin, instance)).GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal("interrupted", tasks.Single(t => t.GetProperty("element").GetString() == "manager").GetProperty("outcome").GetString());

        // The timer fired once: running the dispatcher again finds nothing due.
        Assert.Equal(0, await dispatcher.RunDueAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bad_files_are_refused_with_the_element_and_a_failing_script_leaves_an_incident(string provider)
    {
        var (host, admin, _, _, _) = await StartAsync(provider);
        await using var __ = host;
        var broken = Approval.Replace("${total > 50000}", "${total >}", StringComparison.Ordinal).Replace("order_approval", "broken", StringComparison.Ordinal);
        using var deploy = new HttpRequestMessage(HttpMethod.Post, "/api/workflows/processes") { Content = new StringContent(broken, Encoding.UTF8, "application/xml") };
        deploy.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var refused = await admin.SendAsync(deploy);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray());
        Assert.Equal(("big", BpmnProblem.ConditionNotExpression), (problem.GetProperty("element").GetString(), problem.GetProperty("code").GetString()));
        Assert.StartsWith("条件不是能解析的 JavaScript 表达式", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("total >", problem.GetProperty("text").GetString(), StringComparison.Ordinal);
        var malformed = await admin.PostAsync("/api/workflows/processes", new StringContent("<definitions", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        // No 'total' variable: the gateway's condition fails after the manager's task, and the instance shows the incident.
        var started = await admin.PostAsJsonAsync("/api/workflows/processes/order_approval/instances", new { variables = new { director = "x" } });
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var task = (await InstanceAsync(admin, instance)).GetProperty("tasks")[0];
        Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(admin, task)).StatusCode);
        var failed = (await InstanceAsync(admin, instance)).GetProperty("instance");
        Assert.Equal("incident", failed.GetProperty("status").GetString());
        Assert.Contains("total", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/workflows/instances/{instance}/retry", null)).StatusCode);
        Assert.Equal("incident", (await InstanceAsync(admin, instance)).GetProperty("instance").GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bad_bodies_and_pointless_calls_get_a_clear_answer_in_the_users_language_and_start_nothing(string provider)
    {
        var (host, admin, manager, _, directorId) = await StartAsync(provider);
        await using var _ = host;
        var url = "/api/workflows/processes/order_approval/instances";

        var notAnObject = await admin.PostAsync(url, new StringContent("{\"variables\": [1, 2]}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
        Assert.Contains("variables", await notAnObject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var notJson = await admin.PostAsync(url, new StringContent("{variables:", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        var halfBound = await admin.PostAsJsonAsync(url, new { entity = "sales_order" });
        Assert.Equal(HttpStatusCode.NotFound, halfBound.StatusCode);
        var unknown = await admin.PostAsJsonAsync("/api/workflows/processes/no_such_process/instances", new { });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/workflows/instances")).EnumerateArray());

        var instance = await StartInstanceAsync(admin, 10m, directorId);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/workflows/instances/{instance}/retry", null)).StatusCode);

        var task = Assert.Single(await MyTasksAsync(manager, instance));
        using var again = new HttpRequestMessage(HttpMethod.Post, $"/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete");
        again.Headers.AcceptLanguage.ParseAdd("zh-CN");
        Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(manager, task)).StatusCode);
        var closed = await manager.SendAsync(again);
        Assert.Equal(HttpStatusCode.BadRequest, closed.StatusCode);
        Assert.Contains("任务已关闭", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
