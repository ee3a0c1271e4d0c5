using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn.Storage;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// Two hosts on one PostgreSQL database, both firing timers and both asked to complete the same
/// tasks at the same moment: no step of an instance runs twice.
/// </summary>
public sealed class TwoHostTests
{
    private const int Instances = 60;

    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="two_hosts" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve"/><sequenceFlow id="f2" sourceRef="approve" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f3" sourceRef="wait" targetRef="count"/>
            <scriptTask id="count"><script>execution.setVariable('runs', (typeof runs === 'undefined' ? 0 : runs) + 1);</script></scriptTask>
            <sequenceFlow id="f4" sourceRef="count" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    [SkippableFact]
    public async Task No_instance_step_runs_twice_when_two_hosts_fire_timers_and_complete_tasks_at_once()
    {
        await using var database = await TestDatabase.CreateAsync("PostgreSql");
        await using var first = PlatformHost.Start(database);
        var deployed = await (await first.CreateAdminClientAsync()).PostAsync("/api/workflows/processes", new StringContent(Process, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode);
        await using var second = PlatformHost.Start(database);
        var (one, two) = (await first.CreateAdminClientAsync(), await second.CreateAdminClientAsync());
        var ids = new List<Guid>();
        for (var i = 0; i < Instances; i++)
        {
            var started = await one.PostAsJsonAsync("/api/workflows/processes/two_hosts/instances", new { });
            ids.Add((await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        // Both hosts complete every task at the same moment: one wins, the other is told the task is closed.
        var tasks = (await one.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine")).EnumerateArray().Select(t => t.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(Instances, tasks.Count);
        var answers = await Task.WhenAll(tasks.SelectMany(t => new[] { one, two }.Select(c => c.PostAsJsonAsync($"/api/workflows/tasks/{t}/complete", new { }))));
        Assert.Equal(Instances, answers.Count(a => a.StatusCode == HttpStatusCode.NoContent));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.NoContent), a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));

        // Both hosts' dispatchers see every timer fall due at once.
        first.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        second.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline
               && await first.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.CountAsync(i => i.Status == "completed")) < Instances)
        {
            await Task.Delay(100);
        }

        var history = await first.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowHistory.AsNoTracking().ToListAsync());
        var instances = await first.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.AsNoTracking().ToListAsync());
        Assert.All(instances, i => Assert.Equal("completed", i.Status));
        foreach (var id in ids)
        {
            var steps = history.Where(h => h.InstanceId == id).ToList();
            Assert.Equal(1, steps.Count(h => h.Event == "taskCompleted"));
            Assert.Equal(1, steps.Count(h => h.Event == "timerFired"));
            Assert.Contains("\"runs\":1", instances.Single(i => i.Id == id).State, StringComparison.Ordinal);
        }
    }
}
