namespace Platform.Bpmn.Runtime;

public sealed partial class ProcessRunner
{
    /// <summary>
    /// The token is done with its node: a loop item completes its item; anything else takes its
    /// outgoing flows (those without a condition and those whose condition holds, else the default),
    /// forking when there are several, ending when there are none.
    /// </summary>
    /// <remarks>
    /// A failure while leaving puts this token (not whichever token's step got here) in incident,
    /// marked <see cref="Token.Leaving"/>, so a retry leaves again rather than running the node twice.
    /// </remarks>
    internal async Task LeaveAsync(Token token)
    {
        var node = model.Node(token.NodeId);
        token.Leaving = true;
        try
        {
            ClearBoundaryTimers(token);
            if (IsLoopItem(token, node))
            {
                await CompleteLoopItemAsync(token, node);
                return;
            }

            await TakeAsync(token, node, await SelectFlowsAsync(token, node, firstOnly: false));
        }
        catch (Exception e) when (e is Platform.Rules.ScriptFailureException or WorkflowException)
        {
            Incident(token, node, e);
        }
    }

    /// <summary>
    /// The outgoing flows to take: those without a condition and those whose condition holds (only the
    /// first of them for an exclusive gateway), else the default flow. Nothing changes before all are evaluated.
    /// </summary>
    private async Task<List<ModelFlow>> SelectFlowsAsync(Token token, ModelNode node, bool firstOnly)
    {
        var flows = new List<ModelFlow>();
        foreach (var flow in node.Outgoing.Where(f => f.Id != node.DefaultFlow))
        {
            if (flow.Condition is null || await HoldsAsync(token, flow.Id, flow.Condition))
            {
                flows.Add(flow);
                if (firstOnly)
                {
                    break;
                }
            }
        }

        if (flows.Count == 0 && node.DefaultFlow is { } fallback)
        {
            flows.Add(node.Outgoing.Single(f => f.Id == fallback));
        }

        if (flows.Count == 0 && node.Outgoing.Count > 0)
        {
            throw new WorkflowException($"{node.Label}: no outgoing sequence flow's condition holds and there is no default flow.");
        }

        return flows;
    }

    private async Task TakeAsync(Token token, ModelNode node, List<ModelFlow> flows)
    {
        History(node.Id, "left", null, null);
        if (flows.Count == 0)
        {
            // A node without outgoing flows ends its token, as an end event would.
            await EndTokenAsync(token);
            return;
        }

        token.State = TokenState.Active;
        token.Leaving = false;
        token.NodeId = flows[0].Target;
        _active.Enqueue(token);
        foreach (var flow in flows.Skip(1))
        {
            _active.Enqueue(NewToken(flow.Target, token.ScopeId));
        }
    }

    internal async Task EndAsync(Token token, ModelNode node)
    {
        History(node.Id, "ended", null, null);
        switch (node.EventKind)
        {
            case "terminate":
                var scope = token.ScopeId;
                foreach (var other in state.Tokens.Where(t => t.ScopeId == scope).ToList())
                {
                    Discard(other, "terminated");
                }

                await ScopeDoneAsync(scope);
                break;
            case "error" when FindErrorCatcher(token, node.Error?.Code) is { } caught:
                await CatchErrorAsync(caught.Scope, caught.Boundary, node.Error?.Code);
                break;
            default:
                // An error nobody catches ends its token like a none end event (as Camunda does).
                await EndTokenAsync(token);
                break;
        }
    }

    private async Task EndTokenAsync(Token token)
    {
        state.Tokens.Remove(token);
        await ScopeDoneAsync(token.ScopeId);
    }

    /// <summary>When nothing runs in a scope any more: the process ends, or the sub-process's token moves on.</summary>
    private async Task ScopeDoneAsync(string? scopeId)
    {
        if (state.Tokens.Any(t => t.ScopeId == scopeId))
        {
            return;
        }

        if (scopeId is null)
        {
            Ended = true;
            History(null, "completed", null, null);
            return;
        }

        var scope = state.Scope(scopeId)!;
        if (scope.Kind == ScopeInstance.SubProcess)
        {
            state.Scopes.Remove(scope);
            var owner = state.Tokens.Find(t => t.Id == scope.OwnerToken);
            if (owner is not null)
            {
                owner.ChildScopeId = null;
                await LeaveAsync(owner);
            }
        }
    }

    /// <summary>Removes a token with everything it waits on: tasks, timers, called processes, and the scopes running inside it.</summary>
    private void Discard(Token token, string outcome)
    {
        state.Tokens.Remove(token);
        foreach (var task in token.Tasks)
        {
            Effects.ClosedTasks.Add((task, outcome));
        }

        token.Tasks.Clear();
        ClearBoundaryTimers(token);
        foreach (var timer in state.Timers.Where(t => t.TokenId == token.Id).ToList())
        {
            state.Timers.Remove(timer);
            Effects.TimersCleared.Add(timer.Id);
        }

        if (token.CalledInstance is { } called)
        {
            Effects.CallsCancelled.Add(called);
        }

        if (token.ChildScopeId is { } child)
        {
            DiscardScope(child, outcome);
        }
    }

    private void DiscardScope(string scopeId, string outcome)
    {
        foreach (var inner in state.Tokens.Where(t => t.ScopeId == scopeId).ToList())
        {
            Discard(inner, outcome);
        }

        foreach (var nested in state.Scopes.Where(s => s.ParentId == scopeId).ToList())
        {
            DiscardScope(nested.Id, outcome);
        }

        state.Scopes.RemoveAll(s => s.Id == scopeId);
    }

    internal async Task ExclusiveAsync(Token token, ModelNode node) =>
        await TakeAsync(token, node, await SelectFlowsAsync(token, node, firstOnly: true));

    internal async Task ParallelAsync(Token token, ModelNode node)
    {
        if (node.Incoming.Count > 1)
        {
            token.State = TokenState.Joined;
            var arrived = state.Tokens.Where(t => t.State == TokenState.Joined && t.NodeId == node.Id && t.ScopeId == token.ScopeId).ToList();
            if (arrived.Count < node.Incoming.Count)
            {
                return;
            }

            foreach (var other in arrived.Where(t => t != token).Take(node.Incoming.Count - 1))
            {
                state.Tokens.Remove(other);
            }

            History(node.Id, "joined", null, null);
        }

        await TakeAsync(token, node, node.Outgoing);
    }

    internal async Task InclusiveAsync(Token token, ModelNode node)
    {
        if (node.Incoming.Count > 1)
        {
            // Joins once no other token of the scope can still arrive here (checked again whenever tokens settle).
            token.State = TokenState.Joined;
            return;
        }

        await ForkInclusiveAsync(token, node);
    }

    private async Task ForkInclusiveAsync(Token token, ModelNode node) =>
        await TakeAsync(token, node, await SelectFlowsAsync(token, node, firstOnly: false));

    private async Task<bool> ReleaseInclusiveJoinsAsync()
    {
        foreach (var group in state.Tokens.Where(t => t.State == TokenState.Joined && model.Node(t.NodeId).Kind == "inclusiveGateway")
                     .GroupBy(t => (t.NodeId, t.ScopeId)).ToList())
        {
            var (gateway, scope) = group.Key;
            var pending = state.Tokens.Any(t => t.ScopeId == scope && !(t.State == TokenState.Joined && t.NodeId == gateway) && model.CanReach(t.NodeId, gateway));
            if (pending)
            {
                continue;
            }

            var survivor = group.First();
            foreach (var other in group.Skip(1))
            {
                state.Tokens.Remove(other);
            }

            History(gateway, "joined", null, null);
            try
            {
                await ForkInclusiveAsync(survivor, model.Node(gateway));
            }
            catch (Exception e) when (e is Platform.Rules.ScriptFailureException or WorkflowException)
            {
                // The retry runs the gateway again: the survivor joins and, with nothing else to wait for, forks.
                Incident(survivor, model.Node(gateway), e);
            }

            return true;
        }

        return false;
    }
}
