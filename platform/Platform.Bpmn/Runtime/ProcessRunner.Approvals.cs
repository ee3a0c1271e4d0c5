using Platform.Bpmn.Activities.Tasks;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// What an approver does with a task besides completing it: approve, reject with a reason (what
/// follows is the task's <c>platform:onReject</c>), return to an earlier task or to the initiator,
/// hand it to someone else, add a signer; and the initiator withdrawing the whole request.
/// </summary>
public sealed partial class ProcessRunner
{
    /// <summary>Variables an approval leaves for gateways and later steps.</summary>
    public const string ApprovedVariable = "approved";
    public const string RejectReasonVariable = "rejectReason";

    /// <summary>How the instance ended when it did not simply complete (rejected, withdrawn, cancelled).</summary>
    public string? EndStatus { get; private set; }

    public Task ApproveAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables) =>
        CompleteTaskAsync(taskId, With(variables, (ApprovedVariable, true)), "approved");

    /// <summary>
    /// Rejects a task. By default the whole request ends as rejected (every other task is cancelled);
    /// a task whose <c>platform:onReject</c> is <c>continue</c> moves on with <c>approved = false</c>
    /// for the model's gateway to route; <c>initiator</c> or an earlier task's id returns it there.
    /// </summary>
    public async Task RejectAsync(Guid taskId, string reason, IReadOnlyDictionary<string, object?>? variables)
    {
        var token = ApproverTokenOf(taskId);
        var node = model.Node(token.NodeId);
        variables = With(variables, (ApprovedVariable, false), (RejectReasonVariable, reason));
        switch (node.SettingsOf<UserTaskSettings>()?.OnReject)
        {
            case null or ModelNode.RejectEnds:
                foreach (var (name, value) in variables)
                {
                    SetVariable(token, name, value);
                }

                token.Tasks.Remove(taskId);
                Effects.ClosedTasks.Add((taskId, "rejected"));
                History(node.Id, "rejected", context.ActorId, reason);
                Cancel("rejected", reason, taskOutcome: "cancelled");
                break;
            case ModelNode.RejectContinues:
                await CompleteTaskAsync(taskId, variables, "rejected");
                break;
            case var target:
                foreach (var (name, value) in variables)
                {
                    SetVariable(token, name, value);
                }

                await ReturnAsync(taskId, target, reason, "rejected");
                break;
        }
    }

    /// <summary>
    /// Sends the request back: to an earlier user task (which opens again, everything running since is
    /// cancelled) or, with <c>initiator</c>, to the person who started it, who resubmits (the process
    /// runs again from its start) or withdraws.
    /// </summary>
    public async Task ReturnAsync(Guid taskId, string target, string? reason, string outcome = "returned")
    {
        var token = ApproverTokenOf(taskId);
        var from = model.Node(token.NodeId);
        if (target == ModelNode.ReturnToInitiator)
        {
            var start = model.StartOf(null) ?? throw new WorkflowException($"The process {model.Key} has no start event.");
            Effects.ClosedTasks.Add((taskId, outcome));
            token.Tasks.Remove(taskId);
            DiscardAllIn(null, "cancelled");
            History(from.Id, outcome, context.ActorId, reason);
            var resubmit = NewToken(start.Id, null);
            resubmit.State = TokenState.Waiting;
            var task = new OpenedTask(Guid.CreateVersion7(context.Now), resubmit.Id, start.Id, model.Name ?? model.Key, context.Initiator, [], [], null);
            resubmit.Tasks.Add(task.Id);
            Effects.OpenedTasks.Add(task);
            History(start.Id, "taskCreated", null, context.Initiator);
            return;
        }

        if (!model.Has(target) || model.Node(target) is not { Kind: "userTask" } earlier || !model.CanReach(earlier.Id, from.Id) || earlier.Id == from.Id)
        {
            throw new WorkflowException($"{from.Label}: '{target}' is not a user task before this one; return to an earlier user task or to the initiator.", WorkflowException.NoReturnTarget);
        }

        var scope = EnclosingScopeOf(token, earlier.Scope)
            ?? throw new WorkflowException($"{from.Label}: '{target}' is inside another sub-process; return to a task on this task's level or above.", WorkflowException.NoReturnTarget);
        Effects.ClosedTasks.Add((taskId, outcome));
        token.Tasks.Remove(taskId);
        DiscardAllIn(scope.Id, "cancelled");
        History(from.Id, outcome, context.ActorId, $"{earlier.Label}{(reason is null ? "" : ": " + reason)}");
        _active.Enqueue(NewToken(earlier.Id, scope.Id));
        await RunAsync();
    }

    /// <summary>Another person signs at the same step: the token moves on once every signer has acted.</summary>
    public OpenedTask AddSigner(Guid taskId, string userId, string name)
    {
        var token = TokenOf(taskId);
        var task = new OpenedTask(Guid.CreateVersion7(context.Now), token.Id, token.NodeId, name, userId, [], [], null);
        token.Tasks.Add(task.Id);
        Effects.OpenedTasks.Add(task);
        History(token.NodeId, "signerAdded", context.ActorId, userId);
        return task;
    }

    /// <summary>The task passes to someone else (the engine changes its assignee); only the history is the runner's.</summary>
    public void Delegate(Guid taskId, string userId) => History(TokenOf(taskId).NodeId, "delegated", context.ActorId, userId);

    public void Claim(Guid taskId) => History(TokenOf(taskId).NodeId, "claimed", context.ActorId, null);

    public void Comment(string? elementId, string text) => History(elementId, "commented", context.ActorId, text);

    /// <summary>A file attached to the instance at a step: its id and name on the timeline.</summary>
    public void Attached(string? elementId, Guid fileId, string fileName) => History(elementId, "attached", context.ActorId, $"{fileId} {fileName}");

    /// <summary>Whether the request waits for its initiator to resubmit (it was returned to them).</summary>
    public bool ReturnedToInitiator => state.Tokens.Any(t => t.Tasks.Count > 0 && model.Node(t.NodeId).Kind == "startEvent");

    /// <summary>The token of a task an approver may reject or return: not the initiator's resubmission, which is resubmitted or withdrawn.</summary>
    private Token ApproverTokenOf(Guid taskId)
    {
        var token = TokenOf(taskId);
        return model.Node(token.NodeId).Kind == "startEvent"
            ? throw new WorkflowException("The request is back with its initiator: resubmit it or withdraw it.", WorkflowException.ResubmitOnly)
            : token;
    }

    private Token TokenOf(Guid taskId) =>
        state.Tokens.Find(t => t.Tasks.Contains(taskId)) ?? throw new WorkflowException("The task is no longer open.", WorkflowException.TaskNotOpen);

    /// <summary>The scope instance (null for the process) in which nodes of <paramref name="container"/> run, found upwards from the token.</summary>
    private ScopeId? EnclosingScopeOf(Token token, string? container)
    {
        if (container is null)
        {
            return new ScopeId(null);
        }

        for (var scope = state.Scope(token.ScopeId); scope is not null; scope = state.Scope(scope.ParentId))
        {
            if (scope.Kind == ScopeInstance.SubProcess && scope.NodeId == container)
            {
                return new ScopeId(scope.Id);
            }
        }

        return null;
    }

    private void DiscardAllIn(string? scopeId, string outcome)
    {
        foreach (var token in state.Tokens.Where(t => t.ScopeId == scopeId).ToList())
        {
            Discard(token, outcome);
        }

        // Discarding a token discards the scopes it owned; none is left behind.
        state.Scopes.RemoveAll(s => s.ParentId == scopeId);
    }

    private static Dictionary<string, object?> With(IReadOnlyDictionary<string, object?>? variables, params (string Name, object? Value)[] added)
    {
        var all = new Dictionary<string, object?>(variables ?? new Dictionary<string, object?>(), StringComparer.Ordinal);
        foreach (var (name, value) in added)
        {
            all[name] = value;
        }

        return all;
    }

    /// <summary>A scope instance id where null means the process level (so "not found" can be told apart).</summary>
    private sealed record ScopeId(string? Id);
}
