using System.Text;
using Platform.Rules;
using Platform.Bpmn.Parsing;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Tests;

/// <summary>
/// Runs processes in memory with a clock the test moves: deploys BPMN text, starts instances,
/// keeps their open tasks, completes them, fires timers that fall due and connects called
/// processes to their callers — the engine's orchestration without a database, for behaviour tests.
/// </summary>
public sealed class WorkflowHarness : IStepServices
{
    private static readonly WorkflowScripts Scripts = new(new ScriptHost(RuleLimits.Default, TimeProvider.System));
    private readonly Dictionary<string, ProcessModel> _models = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Instance> _instances = [];
    private readonly List<(Guid Instance, OpenedTask Task)> _tasks = [];

    public DateTimeOffset Now { get; private set; } = new(2026, 3, 5, 9, 0, 0, TimeSpan.Zero);

    public IReadOnlyDictionary<string, object?>? Record { get; set; }

    public Dictionary<string, string> Managers { get; } = new(StringComparer.Ordinal);

    public List<(ServiceAction Action, IReadOnlyDictionary<string, object?> Values, IReadOnlyList<string> To)> Performed { get; } = [];

    public List<HistoryStep> History { get; } = [];

    /// <summary>Answers webhook calls as they fall due (a success with no body unless a test says otherwise).</summary>
    public Func<WebhookCall, WebhookResponse> Webhooks { get; set; } = _ => new WebhookResponse(204, null, null, null);

    /// <summary>Every webhook attempt sent: when, its idempotency key, attempt number, method, URL and body.</summary>
    public List<(DateTimeOffset At, string Key, int Attempt, string Method, string Url, string? Body)> Sent { get; } = [];

    /// <summary>How each closed task was closed (approved, rejected, returned, cancelled…).</summary>
    public Dictionary<Guid, string> Outcomes { get; } = [];

    public sealed class Instance(Guid id, ProcessModel model)
    {
        public Guid Id { get; } = id;

        public ProcessModel Model { get; } = model;

        public InstanceState State { get; } = new();

        public bool Ended { get; set; }

        /// <summary>completed, or how it ended otherwise (rejected, withdrawn, cancelled); null while running.</summary>
        public string? Status { get; set; }

        public Guid? Parent { get; init; }

        public bool HasIncident => State.Tokens.Any(t => t.State == TokenState.Incident);
    }

    public WorkflowHarness Deploy(string xml)
    {
        var definitions = BpmnParser.Parse(Encoding.UTF8.GetBytes(xml));
        var problems = BpmnValidator.Validate(definitions, _models.Keys);
        Assert.True(problems.Count == 0, string.Join("; ", problems));
        foreach (var process in definitions.Processes.Where(p => p.IsExecutable))
        {
            _models[process.Id] = new ProcessModel(definitions, process);
        }

        return this;
    }

    public WorkflowHarness DeployFixture(string file) =>
        Deploy(File.ReadAllText(Path.Combine(Fixtures.Folder("bpmn-behaviour")!, file + ".bpmn20.xml")));

    public Instance Start(string key, Dictionary<string, object?>? variables = null, string initiator = "initiator") =>
        StartAsync(key, variables, initiator, Guid.NewGuid(), null).GetAwaiter().GetResult();

    public Instance Get(Guid id) => _instances[id];

    public IReadOnlyList<OpenedTask> Tasks(Instance? instance = null) =>
        [.. _tasks.Where(t => instance is null || t.Instance == instance.Id || IsChildOf(t.Instance, instance.Id)).Select(t => t.Task)];

    public IReadOnlyList<string> TaskNames(Instance? instance = null) => [.. Tasks(instance).Select(t => t.Name).Order(StringComparer.Ordinal)];

    public OpenedTask Task(string name) => _tasks.Single(t => t.Task.Name == name).Task;

    public void Complete(OpenedTask task, Dictionary<string, object?>? variables = null)
    {
        var (instanceId, _) = _tasks.Single(t => t.Task.Id == task.Id);
        Step(instanceId, runner => runner.CompleteTaskAsync(task.Id, variables)).GetAwaiter().GetResult();
    }

    public void Complete(string name, Dictionary<string, object?>? variables = null) => Complete(Task(name), variables);

    public void Approve(string name, Dictionary<string, object?>? variables = null, string actor = "tester") =>
        OnTask(Task(name), (runner, id) => runner.ApproveAsync(id, variables), actor);

    public void Reject(string name, string reason, string actor = "tester") => OnTask(Task(name), (runner, id) => runner.RejectAsync(id, reason, null), actor);

    public void Return(string name, string target, string actor = "tester") => OnTask(Task(name), (runner, id) => runner.ReturnAsync(id, target, "please fix"), actor);

    public void AddSigner(string name, string user) =>
        OnTask(Task(name), (runner, id) => { runner.AddSigner(id, user, name); return System.Threading.Tasks.Task.CompletedTask; }, "tester");

    public void Withdraw(Instance instance) =>
        Step(instance.Id, runner => { runner.Cancel("withdrawn", "no longer needed"); return System.Threading.Tasks.Task.CompletedTask; }).GetAwaiter().GetResult();

    public IReadOnlyList<OpenedTask> TasksNamed(string name) => [.. _tasks.Where(t => t.Task.Name == name).Select(t => t.Task)];

    public void OnTask(OpenedTask task, Func<ProcessRunner, Guid, Task> action, string actor)
    {
        var (instanceId, _) = _tasks.Single(t => t.Task.Id == task.Id);
        Step(instanceId, runner => action(runner, task.Id), actor).GetAwaiter().GetResult();
    }

    public bool Retry(Instance instance)
    {
        var retried = false;
        Step(instance.Id, async runner => retried = await runner.RetryAsync()).GetAwaiter().GetResult();
        return retried;
    }

    public bool Deliver(Instance instance, string message)
    {
        var delivered = false;
        Step(instance.Id, async runner => delivered = await runner.DeliverMessageAsync(message, null)).GetAwaiter().GetResult();
        return delivered;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way, in time order.</summary>
    public void Advance(TimeSpan by)
    {
        var until = Now + by;
        while (true)
        {
            var next = _instances.Values.Where(i => !i.Ended).SelectMany(i => i.State.Timers.Select(t => (Instance: i, Timer: t)))
                .Where(x => x.Timer.DueAt <= until).OrderBy(x => x.Timer.DueAt).FirstOrDefault();
            if (next.Timer is null)
            {
                break;
            }

            Now = next.Timer.DueAt > Now ? next.Timer.DueAt : Now;
            if (next.Timer.Webhook is { } call)
            {
                Sent.Add((Now, call.Key, call.Attempt, call.Method, call.Url, call.Body));
                var response = Webhooks(call);
                Step(next.Instance.Id, runner => runner.WebhookAnsweredAsync(next.Timer.Id, response)).GetAwaiter().GetResult();
                continue;
            }

            Step(next.Instance.Id, runner => runner.FireTimerAsync(next.Timer.Id)).GetAwaiter().GetResult();
        }

        Now = until;
    }

    public Task<IReadOnlyDictionary<string, object?>?> RecordAsync() => System.Threading.Tasks.Task.FromResult(Record);

    public Task<string?> ManagerOfAsync(string userId) => System.Threading.Tasks.Task.FromResult(Managers.GetValueOrDefault(userId));

    /// <summary>Per role, who holds it in the initiator's department (<c>departmentRole</c>) — and, for notifications, anywhere.</summary>
    public Dictionary<string, List<string>> RoleHolders { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<string>> DepartmentRoleHoldersAsync(string userId, string role) =>
        System.Threading.Tasks.Task.FromResult<IReadOnlyList<string>>(RoleHolders.GetValueOrDefault(role) ?? []);

    public Task<IReadOnlyList<string>> RoleHoldersAsync(string role) =>
        System.Threading.Tasks.Task.FromResult<IReadOnlyList<string>>(RoleHolders.GetValueOrDefault(role) ?? []);

    public Task<string?> OwnerDepartmentManagerAsync() => System.Threading.Tasks.Task.FromResult(Managers.GetValueOrDefault("owner"));

    public Task<int> UpdateRecordsAsync(string entity, string filter, int max, Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf) =>
        throw new NotSupportedException("updateRecords needs the record service: see the integration tests.");

    public Task<int> ReorderAsync(string entity, Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>> valuesOf) =>
        throw new NotSupportedException("reorder needs the stock ledger: see the integration tests.");

    /// <summary>What <c>notifyRecords</c> finds, by entity (the filter is the integration tests' concern).</summary>
    public Dictionary<string, List<IReadOnlyDictionary<string, object?>>> Found { get; } = new(StringComparer.Ordinal);

    public Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> FindRecordsAsync(string entity, string filter, int max) =>
        System.Threading.Tasks.Task.FromResult<IReadOnlyList<IReadOnlyDictionary<string, object?>>>([.. (Found.GetValueOrDefault(entity) ?? []).Take(max)]);

    public Task<object?> PerformAsync(ServiceAction action, IReadOnlyDictionary<string, object?> values, IReadOnlyList<string> recipients)
    {
        Performed.Add((action, values, recipients));
        return System.Threading.Tasks.Task.FromResult<object?>(action.Kind == ServiceAction.CreateRecord ? "new-id" : null);
    }

    private bool IsChildOf(Guid candidate, Guid parent) =>
        _instances.TryGetValue(candidate, out var instance) && instance.Parent is { } p && (p == parent || IsChildOf(p, parent));

    private async Task<Instance> StartAsync(string key, Dictionary<string, object?>? variables, string initiator, Guid id, Guid? parent)
    {
        var instance = new Instance(id, _models[key]) { Parent = parent };
        _instances[id] = instance;
        await Step(id, runner => runner.StartAsync(variables), initiator);
        return instance;
    }

    private async Task Step(Guid id, Func<ProcessRunner, Task> command, string actor = "tester")
    {
        var instance = _instances[id];
        var user = new Dictionary<string, object?> { ["id"] = actor };
        var runner = new ProcessRunner(instance.Model, instance.State, Scripts, this, new StepContext(Now, actor, user, "initiator") { InstanceId = id });
        await command(runner);
        History.AddRange(runner.Effects.History);
        foreach (var task in runner.Effects.OpenedTasks)
        {
            _tasks.Add((id, task));
        }

        foreach (var (task, outcome) in runner.Effects.ClosedTasks)
        {
            Outcomes[task] = outcome;
            _tasks.RemoveAll(t => t.Task.Id == task);
        }

        foreach (var cancelled in runner.Effects.CallsCancelled)
        {
            if (_instances.TryGetValue(cancelled, out var child))
            {
                await Step(cancelled, r => { r.Cancel("cancelled", null); return System.Threading.Tasks.Task.CompletedTask; });
                child.Ended = true;
            }
        }

        if (runner.Ended)
        {
            instance.Ended = true;
            instance.Status = runner.EndStatus ?? "completed";
        }

        foreach (var call in runner.Effects.Calls)
        {
            var token = instance.State.Tokens.Single(t => t.Id == call.TokenId);
            await StartAsync(call.ProcessKey, call.Variables, actor, token.CalledInstance!.Value, id);
        }

        if (instance.Ended && instance.Parent is { } parentId && _instances[parentId] is { Ended: false })
        {
            await Step(parentId, r => instance.Status == "completed" ? r.ResumeCallAsync(id, instance.State.Variables) : r.CalledEndedAsync(id, instance.Status!));
        }
    }
}
