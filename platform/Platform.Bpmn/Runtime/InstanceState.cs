namespace Platform.Bpmn.Runtime;

/// <summary>
/// Everything a running instance needs to continue, saved as one JSON document with the instance
/// after every step: where its tokens are, its sub-process and multi-instance scopes, its pending
/// timers and message waits, and its variables. Tasks are also rows of their own (to be queried by
/// user); the state knows which are open per token.
/// </summary>
public sealed class InstanceState
{
    public List<Token> Tokens { get; set; } = [];

    public List<ScopeInstance> Scopes { get; set; } = [];

    public List<PendingTimer> Timers { get; set; } = [];

    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Numbers the tokens, scopes and timers of the instance (t1, s2, timer3…).</summary>
    public int Sequence { get; set; }

    /// <summary>The request status last written to the bound record's status field (so it is written only when it changes).</summary>
    public string? RecordStatus { get; set; }

    public string NextId(string prefix) => $"{prefix}{++Sequence}";

    public ScopeInstance? Scope(string? id) => id is null ? null : Scopes.Find(s => s.Id == id);
}

public enum TokenState
{
    /// <summary>About to run the node it is at.</summary>
    Active,

    /// <summary>Waiting at a user task, catch event, sub-process, multi-instance activity or called process.</summary>
    Waiting,

    /// <summary>Arrived at a joining gateway, waiting for the other branches.</summary>
    Joined,

    /// <summary>Its node failed (a script, a condition, an action): an admin retries it.</summary>
    Incident,
}

public sealed class Token
{
    public string Id { get; set; } = "";

    public string NodeId { get; set; } = "";

    /// <summary>The sub-process or multi-instance item the token runs in; null at the process level.</summary>
    public string? ScopeId { get; set; }

    public TokenState State { get; set; }

    /// <summary>Open tasks the token waits for (one, or more when signers were added).</summary>
    public List<Guid> Tasks { get; set; } = [];

    /// <summary>For a token waiting at a sub-process or multi-instance activity: the scope running inside.</summary>
    public string? ChildScopeId { get; set; }

    /// <summary>For a token waiting at a call activity: the called instance.</summary>
    public Guid? CalledInstance { get; set; }

    /// <summary>
    /// Its node's work is done and it is taking the outgoing flows: a failure from here on (a flow's
    /// condition, a loop's completion condition) is retried by leaving again, never by running the node twice.
    /// </summary>
    public bool Leaving { get; set; }

    /// <summary>For a token in incident: what failed.</summary>
    public string? Error { get; set; }

    /// <summary>For a token in incident, when the failure is one people meet (no manager set): its <see cref="WorkflowException.Code"/>.</summary>
    public string? ErrorCode { get; set; }
}

public sealed class ScopeInstance
{
    public const string SubProcess = "subProcess";
    public const string Loop = "loop";
    public const string LoopItem = "item";

    public string Id { get; set; } = "";

    public string? ParentId { get; set; }

    public string NodeId { get; set; } = "";

    public string Kind { get; set; } = SubProcess;

    /// <summary>The token waiting at the sub-process or multi-instance activity.</summary>
    public string OwnerToken { get; set; } = "";

    /// <summary>Local variables: loopCounter and the element variable of an item; nrOf… of a loop.</summary>
    public Dictionary<string, object?> Variables { get; set; } = new(StringComparer.Ordinal);

    /// <summary>For a loop: the items of its collection (null when counted by cardinality).</summary>
    public List<object?>? Items { get; set; }
}

public sealed class PendingTimer
{
    public string Id { get; set; } = "";

    /// <summary>The token waiting at the catch event, or the token of the activity a boundary timer is attached to.</summary>
    public string TokenId { get; set; } = "";

    /// <summary>The timer event (catch, or boundary).</summary>
    public string NodeId { get; set; } = "";

    public DateTimeOffset DueAt { get; set; }

    public int Fired { get; set; }

    /// <summary>For cycles, the definition after expressions were evaluated, to compute the next time.</summary>
    public string? Cycle { get; set; }

    /// <summary>For a webhook service task: the call this timer delivers (its id starts with <see cref="WebhookPrefix"/>).</summary>
    public WebhookCall? Webhook { get; set; }

    public const string WebhookPrefix = "webhook";

    /// <summary>Whether a timer id names a webhook delivery rather than a timer event.</summary>
    public static bool IsWebhook(string timerId) => timerId.StartsWith(WebhookPrefix, StringComparison.Ordinal);
}
