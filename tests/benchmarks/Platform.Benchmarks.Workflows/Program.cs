using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Platform.Benchmarks.Workflows;
using Platform.Bpmn;
using Platform.Bpmn.Engine;
using Platform.Bpmn.Storage;
using Platform.Core.Security;
using Platform.Data;
using Platform.Web.Data;
using Platform.Web.Localization;

// Workflow engine benchmark on SQLite:
//   (a) start and complete a 3-step approval end to end (start + 3 task completions, one transaction each),
//       against a hand-written EF Core baseline writing the same rows in the same run;
//   (b) N instances each waiting on a timer, due times spread over a window; the timer dispatcher fires
//       them on the real clock; lateness = when the firing step ran minus the due time.
// Usage: dotnet run -c Release --project tests/benchmarks/Platform.Benchmarks.Workflows -- [processes] [timers] [windowSeconds] [clients]
var processes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2_000;
var timers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var window = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var clients = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 32;
var (services, database, folder) = Platform.Benchmarks.BenchPlatform.Create("workflows");
services.AddWorkflowEngine(timers: false);
services.AddDbContext<BaselineContext>(o => o.UseSqlite(database.ConnectionString));
await using var provider = services.BuildServiceProvider();

const string Approval = """
    <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="bench">
      <process id="approval3" isExecutable="true">
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
        <userTask id="t1" name="Manager" camunda:candidateGroups="Sales manager"/><sequenceFlow id="f2" sourceRef="t1" targetRef="t2"/>
        <userTask id="t2" name="Director" camunda:candidateGroups="Sales director"/><sequenceFlow id="f3" sourceRef="t2" targetRef="t3"/>
        <userTask id="t3" name="Finance" camunda:candidateGroups="Finance"/><sequenceFlow id="f4" sourceRef="t3" targetRef="e"/>
        <endEvent id="e"/>
      </process>
      <process id="waits" isExecutable="true">
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
        <intermediateCatchEvent id="wait"><timerEventDefinition><timeDate>${dueAt}</timeDate></timerEventDefinition></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="wait" targetRef="e"/><endEvent id="e"/>
      </process>
    </definitions>
    """;

await using (var scope = provider.CreateAsyncScope())
{
    await PlatformDatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PlatformDbContext>(), database);
    var deployed = await scope.ServiceProvider.GetRequiredService<WorkflowDeployment>().DeployAsync(Encoding.UTF8.GetBytes(Approval), "bench");
    if (deployed.Problems.Count > 0)
    {
        throw new InvalidOperationException(string.Join("; ", deployed.Problems));
    }

    await scope.ServiceProvider.GetRequiredService<BaselineContext>().GetService<IRelationalDatabaseCreator>().CreateTablesAsync();
}

Console.WriteLine($"SQLite, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; processes {processes}, timers {timers} over {window} s, clients {clients}");

// (a) 3-step approvals, each step in its own scope as a request would be; warm-up first. Several
// clients at once, as people approving at the same time would be; each client runs its processes one after another.
var approver = new Actor("bench", "bench", Roles: ["Sales manager", "Sales director", "Finance"]);
var commits = provider.GetRequiredService<GroupedCommits>();
(long Groups, long Steps, double BusyMs) grouped = default;
var groupedCpu = TimeSpan.Zero;
async Task<double> EngineAsync(int count, int clients)
{
    var before = commits.Committed;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
    {
        for (var i = client; i < count; i += clients)
        {
            await ApproveOneAsync();
        }
    })));
    var elapsed = watch.Elapsed.TotalMilliseconds;
    if (clients > 1)
    {
        var after = commits.Committed;
        groupedCpu += Process.GetCurrentProcess().TotalProcessorTime - cpu;
        grouped = (grouped.Groups + after.Groups - before.Groups, grouped.Steps + after.Steps - before.Steps, grouped.BusyMs + (after.Busy - before.Busy).TotalMilliseconds);
    }

    return elapsed;
}

async Task ApproveOneAsync()
{
    Guid instance;
    await using (var scope = provider.CreateAsyncScope())
    {
        instance = (await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("approval3", null, approver)).Id;
    }

    for (var step = 0; step < 3; step++)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var task = await db.WorkflowTasks.AsNoTracking().Where(t => t.InstanceId == instance && t.IsOpen).Select(t => t.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, approver, null);
    }
}

async Task<double> BaselineAsync(int count)
{
    var watch = Stopwatch.StartNew();
    string[] names = ["Manager", "Director", "Finance"];
    for (var i = 0; i < count; i++)
    {
        var instance = Guid.CreateVersion7();
        await using (var scope = provider.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BaselineContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Instances.Add(new BaselineInstance { Id = instance, State = "{\"tokens\":[{\"id\":\"t1\",\"nodeId\":\"t1\"}]}", Status = "running", RowVersion = 1 });
            db.Tasks.Add(new BaselineTask { Id = Guid.CreateVersion7(), InstanceId = instance, Name = names[0], CandidateRoles = "|Sales manager|", IsOpen = true });
            db.History.AddRange(new BaselineHistory { InstanceId = instance, Event = "started" }, new BaselineHistory { InstanceId = instance, Event = "taskCreated" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        for (var step = 0; step < 3; step++)
        {
            await using var scope = provider.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BaselineContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var task = await db.Tasks.SingleAsync(t => t.InstanceId == instance && t.IsOpen);
            task.IsOpen = false;
            var row = await db.Instances.SingleAsync(r => r.Id == instance);
            row.State = $"{{\"tokens\":[{{\"id\":\"t1\",\"nodeId\":\"t{step + 2}\"}}]}}";
            row.RowVersion++;
            if (step < 2)
            {
                db.Tasks.Add(new BaselineTask { Id = Guid.CreateVersion7(), InstanceId = instance, Name = names[step + 1], CandidateRoles = "|Finance|", IsOpen = true });
            }
            else
            {
                row.Status = "completed";
            }

            db.History.AddRange(new BaselineHistory { InstanceId = instance, Event = "taskCompleted" }, new BaselineHistory { InstanceId = instance, Event = "left" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
    }

    return watch.Elapsed.TotalMilliseconds;
}

await EngineAsync(100, clients);
await EngineAsync(100, 1);
await BaselineAsync(100);
grouped = default;
groupedCpu = TimeSpan.Zero;
// Alternating rounds, so the disk's and the growing database's drift falls on all alike.
double engineMs = 0, aloneMs = 0, baselineMs = 0;
for (var round = 0; round < 4; round++)
{
    engineMs += await EngineAsync(processes / 4, clients);
    aloneMs += await EngineAsync(processes / 4, 1);
    baselineMs += await BaselineAsync(processes / 4);
}

processes = processes / 4 * 4;
double PerSecond(double ms) => processes / (ms / 1000);
Console.WriteLine($"(a) {processes} 3-step approvals (start + 3 completions each): engine with {clients} clients {PerSecond(engineMs):F0} processes/s; "
    + $"engine with 1 client {PerSecond(aloneMs):F0}/s; hand-written EF, one transaction per step, 1 client {PerSecond(baselineMs):F0}/s; "
    + $"ratio engine ({clients} clients) / hand-written {baselineMs / engineMs:F2}; {grouped.Steps / (double)Math.Max(1, grouped.Groups):F1} steps per commit with {clients} clients, the writer busy {100 * grouped.BusyMs / engineMs:F0} % of the time, CPU {groupedCpu.TotalMilliseconds / processes:F2} ms per process ({groupedCpu / TimeSpan.FromMilliseconds(engineMs):F2} cores)");

// (b) timers: instances wait on timeDate; due times spread evenly over the window, starting after creation.
var creation = Stopwatch.StartNew();
var lead = TimeSpan.FromSeconds(Math.Max(10, timers / 400.0)); // creation runs well above 400 starts/s
var first = DateTimeOffset.UtcNow + lead;
for (var i = 0; i < timers; i++)
{
    await using var scope = provider.CreateAsyncScope();
    var due = first + TimeSpan.FromMilliseconds(window * 1000.0 * i / timers);
    await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync("waits", new Dictionary<string, object?> { ["dueAt"] = due.ToString("O", CultureInfo.InvariantCulture) }, Actor.Platform);
}

Console.WriteLine($"    {timers} waiting instances created in {creation.Elapsed.TotalSeconds:F1} s; first due {(first - DateTimeOffset.UtcNow).TotalSeconds:F1} s from now");
if (first < DateTimeOffset.UtcNow)
{
    Console.WriteLine("    creation overran the lead time: lateness below includes it");
}

var dispatcher = provider.GetRequiredService<WorkflowTimerDispatcher>();
using var stop = new CancellationTokenSource();
await dispatcher.StartAsync(stop.Token);
var deadline = first + TimeSpan.FromSeconds(window + 120);
while (DateTimeOffset.UtcNow < deadline)
{
    await Task.Delay(1000);
    await using var scope = provider.CreateAsyncScope();
    if (!await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().WorkflowTimers.AnyAsync())
    {
        break;
    }
}

await stop.CancelAsync();
await dispatcher.StopAsync(CancellationToken.None);
await using (var scope = provider.CreateAsyncScope())
{
    var fired = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().WorkflowHistory.AsNoTracking()
        .Where(h => h.Event == "timerFired").Select(h => new { h.At, h.Detail }).ToListAsync();
    var lateness = fired.Select(f => (f.At - DateTimeOffset.Parse(f.Detail!, CultureInfo.InvariantCulture)).TotalMilliseconds).Order().ToList();
    double Percentile(double p) => lateness.Count == 0 ? double.NaN : lateness[(int)Math.Min(lateness.Count - 1, Math.Ceiling(p / 100 * lateness.Count) - 1)];
    var withinSecond = lateness.Count(l => l <= 1000);
    Console.WriteLine($"(b) {fired.Count}/{timers} timers fired ({timers / (double)window:F0} due per second); lateness p50 {Percentile(50):F0} ms, p99 {Percentile(99):F0} ms, max {Percentile(100):F0} ms; within 1 s: {withinSecond} ({100.0 * withinSecond / Math.Max(1, timers):F2} %); poll interval {WorkflowTimerDispatcher.PollInterval.TotalMilliseconds:F0} ms");
}

Directory.Delete(folder, recursive: true);
