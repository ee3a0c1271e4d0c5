using System.Globalization;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Multi-instance activities: the token waits at the activity while a loop scope runs its items —
/// all at once (parallel) or one after another (sequential) — each item a scope of its own with
/// <c>loopCounter</c> and its element variable. Countersign is a parallel loop without completion
/// condition; or-sign completes on the first (<c>nrOfCompletedInstances &gt;= 1</c>) and cancels the rest.
/// </summary>
public sealed partial class ProcessRunner
{
    private const string Instances = "nrOfInstances";
    private const string Completed = "nrOfCompletedInstances";
    private const string ActiveInstances = "nrOfActiveInstances";
    private const string LoopCounter = "loopCounter";

    private bool IsLoopItem(Token token, ModelNode node) =>
        state.Scope(token.ScopeId) is { Kind: ScopeInstance.LoopItem } item && item.NodeId == node.Id && item.OwnerToken == token.Id;

    private async Task EnterLoopAsync(Token token, ModelNode node)
    {
        var loop = node.Loop!;
        List<object?>? items = null;
        int count;
        if (loop.Collection is { } collection)
        {
            var source = collection.Contains("${", StringComparison.Ordinal) ? await FillAsync(token, $"{node.Id} collection", collection) : VariablesOf(token).GetValueOrDefault(collection);
            items = source switch
            {
                IEnumerable<object?> list => [.. list],
                string text => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
                null => throw new WorkflowException($"{node.Label}: the collection '{collection}' is not set."),
                var other => throw new WorkflowException($"{node.Label}: the collection '{collection}' is {other}, not a list."),
            };
            count = items.Count;
        }
        else if (loop.Cardinality is { } cardinality)
        {
            var value = await ExpressionAsync(token, $"{node.Id} loop cardinality", cardinality);
            count = value switch
            {
                decimal d when d >= 0 && d <= 1000 && d == decimal.Truncate(d) => (int)d,
                string text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1000 => n,
                _ => throw new WorkflowException($"{node.Label}: the loop cardinality gives {value}, not a whole number from 0 to 1000."),
            };
        }
        else
        {
            throw new WorkflowException($"{node.Label}: a multi-instance activity needs a loop cardinality or a collection.");
        }

        var timers = await PlanBoundaryTimersAsync(token, node);
        var scope = new ScopeInstance { Id = state.NextId("s"), ParentId = token.ScopeId, NodeId = node.Id, Kind = ScopeInstance.Loop, OwnerToken = token.Id, Items = items };
        scope.Variables[Instances] = (decimal)count;
        scope.Variables[Completed] = 0m;
        scope.Variables[ActiveInstances] = 0m;
        state.Scopes.Add(scope);
        token.State = TokenState.Waiting;
        token.ChildScopeId = scope.Id;
        History(node.Id, "loopStarted", null, count.ToString(CultureInfo.InvariantCulture));
        Set(timers);
        if (count == 0)
        {
            await FinishLoopAsync(scope);
            return;
        }

        for (var i = 0; i < (loop.Sequential ? 1 : count); i++)
        {
            StartItem(scope, node, i);
        }
    }

    private void StartItem(ScopeInstance loop, ModelNode node, int index)
    {
        var item = new ScopeInstance { Id = state.NextId("s"), ParentId = loop.Id, NodeId = node.Id, Kind = ScopeInstance.LoopItem };
        item.Variables[LoopCounter] = (decimal)index;
        if (node.Loop!.ElementVariable is { Length: > 0 } element)
        {
            item.Variables[element] = loop.Items is { } items ? items[index] : null;
        }

        var token = NewToken(node.Id, item.Id);
        item.OwnerToken = token.Id;
        state.Scopes.Add(item);
        loop.Variables[ActiveInstances] = (decimal)loop.Variables[ActiveInstances]! + 1;
        _active.Enqueue(token);
    }

    private async Task CompleteLoopItemAsync(Token token, ModelNode node)
    {
        var item = state.Scope(token.ScopeId)!;
        var loop = state.Scope(item.ParentId)!;
        var done = (decimal)loop.Variables[Completed]! + 1;
        var total = (int)(decimal)loop.Variables[Instances]!;
        var condition = node.Loop!.CompletionCondition;
        // The condition sees the counts with this item done; it is judged before anything changes, so a
        // failing condition leaves the item as it was (in incident, retried by leaving again).
        var counts = new Dictionary<string, object?>(VariablesOf(loop.Id), StringComparer.Ordinal)
        {
            [Completed] = done, [ActiveInstances] = (decimal)loop.Variables[ActiveInstances]! - 1,
        };
        var enough = condition is not null
            && scripts.Holds($"{node.Id} completion condition", WorkflowCondition.Script(condition), counts, await RecordAsync(), context.User);
        state.Tokens.Remove(token);
        state.Scopes.Remove(item);
        loop.Variables[Completed] = done;
        loop.Variables[ActiveInstances] = counts[ActiveInstances];
        if (enough || done >= total)
        {
            await FinishLoopAsync(loop);
        }
        else if (node.Loop.Sequential)
        {
            StartItem(loop, node, (int)done);
        }
    }

    /// <summary>The loop is complete: items still open are cancelled (the other signers of an or-sign) and the activity's token moves on.</summary>
    private async Task FinishLoopAsync(ScopeInstance loop)
    {
        foreach (var item in state.Scopes.Where(s => s.ParentId == loop.Id).ToList())
        {
            DiscardScope(item.Id, "cancelled");
        }

        state.Scopes.Remove(loop);
        var owner = state.Tokens.Find(t => t.Id == loop.OwnerToken)!;
        owner.ChildScopeId = null;
        History(loop.NodeId, "loopCompleted", null, null);
        await LeaveAsync(owner);
    }
}
