using Platform.Rules;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Moves the tokens of one instance for one command (start, a completed task, a fired timer, a
/// message, a finished called process, a retry) until every token waits, joins or ends. Pure state
/// in, state and <see cref="Effects"/> out: the engine loads the instance, runs one command under
/// the instance's lock and saves state and effects in one transaction.
/// </summary>
public sealed partial class ProcessRunner(ProcessModel model, InstanceState state, WorkflowScripts scripts, IStepServices services, StepContext context)
{
    private readonly Queue<Token> _active = new();
    private IReadOnlyDictionary<string, object?>? _record;
    private bool _recordRead;

    public StepEffects Effects { get; } = new();

    public InstanceState State => state;

    /// <summary>True once the process's last token has ended (or a terminate end event ended them all).</summary>
    public bool Ended { get; private set; }

    public bool HasIncident => state.Tokens.Any(t => t.State == TokenState.Incident);

    /// <summary>The first token in incident (where the instance stopped), if any.</summary>
    public Token? FirstIncident => state.Tokens.FirstOrDefault(t => t.State == TokenState.Incident);

    /// <summary>Who the step runs for (the acting user's id).</summary>
    public string? ActorId => context.ActorId;

    public async Task StartAsync(IReadOnlyDictionary<string, object?>? variables, string? startNodeId = null)
    {
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            state.Variables[name] = value;
        }

        var start = startNodeId is null ? model.StartOf(null) : model.Node(startNodeId);
        if (start is null)
        {
            throw new WorkflowException($"The process {model.Key} has no start event.");
        }

        History(start.Id, "started", context.ActorId, null);
        _active.Enqueue(NewToken(start.Id, null));
        await RunAsync();
    }

    /// <summary>Completes one of the open tasks; its token moves on once it has no other open task (added signers).</summary>
    public async Task CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables, string outcome = "completed")
    {
        var token = state.Tokens.Find(t => t.Tasks.Contains(taskId)) ?? throw new WorkflowException("The task is no longer open.");
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            SetVariable(token, name, value);
        }

        token.Tasks.Remove(taskId);
        Effects.ClosedTasks.Add((taskId, outcome));
        History(token.NodeId, "taskCompleted", context.ActorId, outcome);
        if (token.Tasks.Count == 0)
        {
            await LeaveAsync(token);
            await RunAsync();
        }
    }

    /// <summary>Fires a due timer: a catch event moves on, a boundary timer interrupts its activity or branches off it.</summary>
    public async Task FireTimerAsync(string timerId)
    {
        var timer = state.Timers.Find(t => t.Id == timerId && t.Webhook is null);
        if (timer is null)
        {
            return; // The activity completed first: the timer was cleared in the same step. (Webhook calls are answered, not fired.)
        }

        await FireAsync(timer);
        await RunAsync();
    }

    /// <summary>Delivers a message to the tokens waiting for it; false when none was.</summary>
    public async Task<bool> DeliverMessageAsync(string name, IReadOnlyDictionary<string, object?>? variables)
    {
        var waiting = state.Tokens.Where(t => t.State == TokenState.Waiting && model.Node(t.NodeId) is { Kind: "intermediateCatchEvent", EventKind: "message" } node && node.Message?.Name == name).ToList();
        foreach (var token in waiting)
        {
            foreach (var (variable, value) in variables ?? new Dictionary<string, object?>())
            {
                SetVariable(token, variable, value);
            }

            History(token.NodeId, "messageReceived", context.ActorId, name);
            await LeaveAsync(token);
        }

        await RunAsync();
        return waiting.Count > 0;
    }

    /// <summary>A called process ended: its variables come back and the call activity's token moves on.</summary>
    public async Task ResumeCallAsync(Guid calledInstance, IReadOnlyDictionary<string, object?> variables)
    {
        var token = state.Tokens.Find(t => t.CalledInstance == calledInstance);
        if (token is null)
        {
            return;
        }

        foreach (var (name, value) in variables)
        {
            SetVariable(token, name, value);
        }

        token.CalledInstance = null;
        await LeaveAsync(token);
        await RunAsync();
    }

    /// <summary>
    /// A called process ended other than by completing (rejected, withdrawn, cancelled by an admin): if the
    /// call activity still waits for it, the whole request ends the same way.
    /// </summary>
    public Task CalledEndedAsync(Guid calledInstance, string status)
    {
        if (state.Tokens.Any(t => t.CalledInstance == calledInstance))
        {
            Cancel(status, $"The called process ended as {status}.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs the failed nodes again (after an admin fixed the cause); they may fail again.</summary>
    /// <returns>False when nothing was in incident.</returns>
    public async Task<bool> RetryAsync()
    {
        var failed = state.Tokens.Where(t => t.State == TokenState.Incident).ToList();
        foreach (var token in failed)
        {
            token.State = TokenState.Active;
            token.Error = null;
            token.ErrorCode = null;
            History(token.NodeId, "retried", context.ActorId, null);
            if (token.Leaving)
            {
                await LeaveAsync(token);
            }
            else
            {
                _active.Enqueue(token);
            }
        }

        await RunAsync();
        return failed.Count > 0;
    }

    /// <summary>
    /// Ends the instance now (withdrawn, rejected, cancelled): every task, timer and called process is
    /// cancelled; open tasks are closed with <paramref name="taskOutcome"/> (the status when not given).
    /// </summary>
    public void Cancel(string status, string? reason, string? taskOutcome = null)
    {
        DiscardAllIn(null, taskOutcome ?? status);
        History(null, status, context.ActorId, reason);
        EndStatus = status;
        Ended = true;
    }

    private async Task RunAsync()
    {
        while (true)
        {
            while (_active.TryDequeue(out var token))
            {
                if (state.Tokens.Contains(token) && token.State == TokenState.Active)
                {
                    await RunNodeAsync(token);
                }
            }

            // A waiting inclusive join may be free to fire now that other branches ended or waited elsewhere.
            if (!await ReleaseInclusiveJoinsAsync())
            {
                break;
            }
        }
    }

    private async Task RunNodeAsync(Token token)
    {
        var node = model.Node(token.NodeId);
        try
        {
            if (node.Loop is not null && !IsLoopItem(token, node))
            {
                await EnterLoopAsync(token, node);
                return;
            }

            // The element's behaviour was bound when the file was read (Activities/); a kind the engine cannot run never deploys.
            await (node.Activity ?? throw new WorkflowException($"{node.Kind} cannot run.")).RunAsync(this, token, node);
        }
        catch (Exception e) when (e is ScriptFailureException or WorkflowException)
        {
            // Every node evaluates what can fail before it changes anything (scripts change variables only
            // when they succeed, boundary timers are planned before the task opens): the token stays
            // before the node, the instance shows an incident, and a retry runs the node again.
            Incident(token, node, e);
        }
    }

    private void Incident(Token token, ModelNode node, Exception e)
    {
        token.State = TokenState.Incident;
        token.Error = e.Message;
        token.ErrorCode = (e as WorkflowException)?.Code;
        History(node.Id, "incident", context.ActorId, e.Message);
    }

    private Token NewToken(string nodeId, string? scopeId)
    {
        var token = new Token { Id = state.NextId("t"), NodeId = nodeId, ScopeId = scopeId, State = TokenState.Active };
        state.Tokens.Add(token);
        return token;
    }

    private void History(string? elementId, string kind, string? actor, string? detail) =>
        Effects.History.Add(new HistoryStep(context.Now, elementId, kind, actor, detail));

    private async Task<IReadOnlyDictionary<string, object?>?> RecordAsync()
    {
        if (!_recordRead)
        {
            _record = await services.RecordAsync();
            _recordRead = true;
        }

        return _record;
    }
}
