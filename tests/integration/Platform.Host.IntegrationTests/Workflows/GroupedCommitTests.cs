using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Bpmn;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Runtime;
using Platform.Bpmn.Storage;
using Platform.Core.Security;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Workflows;

namespace Platform.Host.IntegrationTests.Workflows;

/// <summary>
/// On SQLite, workflow steps asked for at the same time share one transaction and one commit, each
/// in a savepoint of its own: a failing step loses only its own changes, the others are kept, and a
/// caller hears back only once its step is committed.
/// </summary>
public sealed class GroupedCommitTests
{
    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
          <process id="grouped" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="approve"/>
            <userTask id="approve" name="Approve"/><sequenceFlow id="f2" sourceRef="approve" targetRef="e"/>
            <endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static readonly Actor Approver = new("admin", "admin") { MayActForAnyone = true };

    [Fact]
    public async Task Steps_asked_for_at_once_share_commits_and_a_failing_step_loses_only_its_own_changes()
    {
        await using var host = await StartedAsync();
        var commits = host.Services.GetRequiredService<GroupedCommits>();
        var before = commits.Committed;

        // 40 starts at once; every fifth writes its instance, then fails.
        var started = Enumerable.Range(0, 40).Select(i => commits.RunAsync(async engine =>
        {
            var instance = await engine.StartAsync("grouped", new Dictionary<string, object?> { ["n"] = i }, Approver);
            return i % 5 == 4 ? throw new InvalidOperationException($"step {i} fails after writing") : instance.Id;
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(started.Select(s => s.ContinueWith(_ => { }, TaskScheduler.Default)));

        Assert.Equal(8, started.Count(s => s.IsFaulted));
        Assert.All(started.Where(s => s.IsFaulted), s => Assert.Contains("fails after writing", s.Exception!.InnerException!.Message, StringComparison.Ordinal));
        var kept = started.Where(s => s.IsCompletedSuccessfully).Select(s => s.Result).ToHashSet();
        var (instances, tasks, history) = await host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            return (await db.WorkflowInstances.Select(i => i.Id).ToListAsync(), await db.WorkflowTasks.Select(t => t.InstanceId).ToListAsync(),
                await db.WorkflowHistory.Select(h => h.InstanceId).Distinct().ToListAsync());
        });
        Assert.Equal(kept, instances.ToHashSet());
        Assert.Equal(kept, tasks.ToHashSet());
        Assert.Equal(kept, history.ToHashSet());

        var after = commits.Committed;
        Assert.Equal(32, after.Steps - before.Steps);
        Assert.True(after.Groups - before.Groups < 32, $"{after.Groups - before.Groups} commits for 32 steps: the steps did not share commits");
    }

    [Fact]
    public async Task Two_people_completing_one_task_at_the_same_moment_complete_it_once()
    {
        await using var host = await StartedAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            ids.Add(await host.InScopeAsync(async s => (await s.GetRequiredService<WorkflowEngine>().StartAsync("grouped", null, Approver)).Id));
        }

        var taskIds = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowTasks.Where(t => t.IsOpen).Select(t => t.Id).ToListAsync());
        var answers = taskIds.SelectMany(task => Enumerable.Range(0, 2).Select(_ => host.InScopeAsync(async s =>
        {
            try
            {
                await s.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, Approver, null);
                return "completed";
            }
            catch (WorkflowException e)
            {
                return e.Code;
            }
        }))).ToList();
        var outcomes = await Task.WhenAll(answers);

        Assert.Equal(20, outcomes.Count(o => o == "completed"));
        Assert.Equal(20, outcomes.Count(o => o == WorkflowException.TaskNotOpen));
        var history = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowHistory.Where(h => h.Event == "taskCompleted").Select(h => h.InstanceId).ToListAsync());
        Assert.Equal(ids.Order(), history.Order());
        Assert.Equal(20, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.CountAsync(i => i.Status == WorkflowStatus.Completed)));
    }

    [Fact]
    public async Task A_step_whose_caller_gave_up_before_it_ran_writes_nothing_and_a_group_step_may_not_wait_for_another_group()
    {
        await using var host = await StartedAsync();
        var commits = host.Services.GetRequiredService<GroupedCommits>();
        using var gaveUp = new CancellationTokenSource();
        await gaveUp.CancelAsync();

        var cancelled = commits.RunAsync(engine => engine.StartAsync("grouped", null, Approver), gaveUp.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        // Inside a group the engine given must be used: asking the queue again would wait for itself.
        var nested = commits.RunAsync(_ => commits.RunAsync(engine => engine.StartAsync("grouped", null, Approver), CancellationToken.None), CancellationToken.None);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => nested);
        Assert.Contains("engine it was given", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().WorkflowInstances.CountAsync()));
    }

    private static async Task<PlatformHost> StartedAsync()
    {
        var host = await PlatformHost.StartAsync("Sqlite");
        await host.InScopeAsync(async s =>
        {
            var deployed = await s.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Process), "grouped test");
            Assert.Empty(deployed.Problems);
            return true;
        });
        return host;
    }
}
