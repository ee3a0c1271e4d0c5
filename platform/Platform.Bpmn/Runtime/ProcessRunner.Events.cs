namespace Platform.Bpmn.Runtime;

/// <summary>Timers (catch and boundary, interrupting or not, cycles), message waits and error events.</summary>
public sealed partial class ProcessRunner
{
    internal async Task CatchAsync(Token token, ModelNode node)
    {
        token.State = TokenState.Waiting;
        if (node.EventKind == "timer")
        {
            await SetTimerAsync(token, node);
        }

        // A message catch waits until DeliverMessageAsync names its message.
    }

    /// <summary>The timers of the activity's boundary events, computed (they may fail) before the activity changes anything.</summary>
    private async Task<List<PendingTimer>> PlanBoundaryTimersAsync(Token token, ModelNode node)
    {
        var timers = new List<PendingTimer>();
        if (IsLoopItem(token, node))
        {
            return timers; // Boundary events belong to the multi-instance activity as a whole, not to each item.
        }

        foreach (var boundary in node.Boundaries.Where(b => b.EventKind == "timer"))
        {
            timers.Add(await PlanTimerAsync(token, boundary));
        }

        return timers;
    }

    private void Set(IEnumerable<PendingTimer> timers)
    {
        foreach (var timer in timers)
        {
            state.Timers.Add(timer);
            Effects.TimersSet.Add(timer);
        }
    }

    private async Task SetTimerAsync(Token token, ModelNode node) => Set([await PlanTimerAsync(token, node)]);

    private async Task<PendingTimer> PlanTimerAsync(Token token, ModelNode node)
    {
        var settings = node.Timer ?? throw new WorkflowException($"{node.Label}: the timer has no timeDuration, timeDate or timeCycle.");
        var text = await FillTextAsync(token, $"{node.Id} timer", settings.Text) ?? "";
        if (!Schedule.TryParse(settings.Kind, text, out var schedule, out var error))
        {
            throw new WorkflowException($"{node.Label}: {error}");
        }

        return new PendingTimer
        {
            Id = state.NextId("timer"), TokenId = token.Id, NodeId = node.Id, DueAt = schedule.First(context.Now),
            Cycle = settings.Kind == TimerSettings.Cycle ? text : null,
        };
    }

    /// <summary>The activity a token was at is done: the timers attached to it will not fire.</summary>
    private void ClearBoundaryTimers(Token token)
    {
        foreach (var timer in state.Timers.Where(t => t.TokenId == token.Id && model.Node(t.NodeId).Kind == "boundaryEvent").ToList())
        {
            state.Timers.Remove(timer);
            Effects.TimersCleared.Add(timer.Id);
        }
    }

    private async Task FireAsync(PendingTimer timer)
    {
        var node = model.Node(timer.NodeId);
        var token = state.Tokens.Find(t => t.Id == timer.TokenId);
        state.Timers.Remove(timer);
        Effects.TimersCleared.Add(timer.Id);
        if (token is null)
        {
            return;
        }

        History(node.Id, "timerFired", null, timer.DueAt.ToString("O"));
        Platform.Abstractions.Telemetry.PlatformTelemetry.TimerLag.Record(Math.Max(0, (context.Now - timer.DueAt).TotalSeconds));
        if (node.Kind == "intermediateCatchEvent")
        {
            await LeaveAsync(token);
            return;
        }

        if (node.CancelActivity)
        {
            // Interrupting: the activity (its tasks, inner scopes, other timers) is cancelled and the token leaves by the boundary event.
            var scope = token.ScopeId;
            Discard(token, "interrupted");
            var moved = NewToken(node.Id, scope);
            await LeaveAsync(moved);
            return;
        }

        // Non-interrupting: a new branch starts at the boundary event while the activity goes on; a cycle sets its next time.
        if (timer.Cycle is not null && Schedule.TryParse(TimerSettings.Cycle, timer.Cycle, out var schedule, out _)
            && schedule.Next(timer.DueAt, timer.Fired + 1) is { } next)
        {
            var again = new PendingTimer { Id = state.NextId("timer"), TokenId = token.Id, NodeId = node.Id, DueAt = next, Fired = timer.Fired + 1, Cycle = timer.Cycle };
            state.Timers.Add(again);
            Effects.TimersSet.Add(again);
        }

        var branch = NewToken(node.Id, token.ScopeId);
        await LeaveAsync(branch);
    }

    /// <summary>The nearest enclosing scope with an error boundary event catching <paramref name="code"/> (one without a code catches all).</summary>
    private (ScopeInstance Scope, ModelNode Boundary)? FindErrorCatcher(Token token, string? code)
    {
        for (var scope = state.Scope(token.ScopeId); scope is not null; scope = state.Scope(scope.ParentId))
        {
            if (scope.Kind == ScopeInstance.LoopItem)
            {
                continue;
            }

            var boundary = model.Node(scope.NodeId).Boundaries.FirstOrDefault(b => b.EventKind == "error" && (b.Error?.Code is null || b.Error.Code == code));
            if (boundary is not null)
            {
                return (scope, boundary);
            }
        }

        return null;
    }

    private async Task CatchErrorAsync(ScopeInstance scope, ModelNode boundary, string? code)
    {
        var owner = state.Tokens.Find(t => t.Id == scope.OwnerToken)!;
        var outer = owner.ScopeId;
        History(boundary.Id, "errorCaught", null, code);
        Discard(owner, "interrupted");
        var moved = NewToken(boundary.Id, outer);
        if (boundary.Error?.CodeVariable is { } codeVariable)
        {
            SetVariable(moved, codeVariable, code);
        }

        if (boundary.Error?.MessageVariable is { } messageVariable)
        {
            SetVariable(moved, messageVariable, null);
        }

        await LeaveAsync(moved);
    }
}
