using Platform.Core;
using System.Globalization;
using System.Text.Json;
using Platform.Bpmn.Activities.Tasks;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// Webhook service tasks. An HTTP call cannot be part of a database transaction, so the step that
/// reaches the task only records the call (as a timer due now) and the token waits; the engine sends
/// it after the commit and reports the answer as a step of its own. Success moves the token on with
/// the answer in the result variable; a failure worth retrying sets the next attempt further out;
/// the last failure, or a refusal that waiting will not change, puts the token in incident.
/// </summary>
public sealed partial class ProcessRunner
{
    private async Task QueueWebhookAsync(Token token, ModelNode node, ServiceAction action, IReadOnlyDictionary<string, object?> values)
    {
        var settings = WebhookSettings.Read(action, out var problem) ?? throw new WorkflowException($"{node.Label}: {problem}");
        var url = await FillTextAsync(token, $"{node.Id} url", action.Url);
        if (url is null || !WebhookSettings.IsCallable(url))
        {
            throw new WorkflowException($"{node.Label}: the webhook URL '{url}' is not an absolute http or https address.");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (action.Headers is not null)
        {
            var given = await ExpressionAsync(token, $"{node.Id} headers", action.Headers) as IReadOnlyDictionary<string, object?>
                ?? throw new WorkflowException($"{node.Label}: platform:headers must give an object such as {{ Authorization: 'Bearer …' }}.");
            foreach (var (name, value) in given)
            {
                headers[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            }
        }

        var timers = await PlanBoundaryTimersAsync(token, node);
        var id = state.NextId(PendingTimer.WebhookPrefix);
        var call = new WebhookCall
        {
            Key = $"{context.InstanceId}:{id}", Method = settings.Method, Url = url, Headers = headers,
            Body = settings.Method is "GET" or "DELETE" ? null : JsonSerializer.Serialize(values),
            MaxAttempts = settings.Retries + 1, RetryDelay = settings.RetryDelay, Timeout = settings.Timeout,
        };
        token.State = TokenState.Waiting;
        Set([.. timers, new PendingTimer { Id = id, TokenId = token.Id, NodeId = node.Id, DueAt = context.Now, Webhook = call }]);
        History(node.Id, "webhookQueued", null, call.Describe());
    }

    /// <summary>The answer to a webhook attempt (the engine calls this after sending it); nothing happens when the task was interrupted meanwhile.</summary>
    public async Task WebhookAnsweredAsync(string timerId, WebhookResponse response)
    {
        var timer = state.Timers.Find(t => t.Id == timerId && t.Webhook is not null);
        var token = timer is null ? null : state.Tokens.Find(t => t.Id == timer.TokenId);
        if (timer is null || token is null)
        {
            return;
        }

        var node = model.Node(timer.NodeId);
        var call = timer.Webhook!;
        state.Timers.Remove(timer);
        Effects.TimersCleared.Add(timer.Id);
        if (response.Succeeded)
        {
            History(node.Id, "performed", null, $"webhook {call.Describe()}: HTTP {response.Status}");
            if (node.SettingsOf<ServiceTaskSettings>()?.Action.ResultVariable is { Length: > 0 } variable)
            {
                SetVariable(token, variable, new Dictionary<string, object?>(StringComparer.Ordinal) { ["status"] = (decimal)response.Status!.Value, ["body"] = BodyOf(response) });
            }

            ClearBoundaryTimers(token);
            await LeaveAsync(token);
            await RunAsync();
            return;
        }

        if (response.Retriable && call.Attempt < call.MaxAttempts)
        {
            var next = new PendingTimer
            {
                Id = state.NextId(PendingTimer.WebhookPrefix), TokenId = token.Id, NodeId = node.Id, DueAt = call.NextAttemptAt(context.Now), Webhook = call,
            };
            History(node.Id, "webhookFailed", null, $"attempt {call.Attempt} of {call.MaxAttempts}, {call.Describe()}: {response.Describe()}; next attempt at {next.DueAt:O}");
            call.Attempt++;
            Set([next]);
            return;
        }

        var why = response.Retriable ? $"failed after {call.Attempt} attempts" : "was refused";
        History(node.Id, "webhookFailed", null, $"attempt {call.Attempt} of {call.MaxAttempts}, {call.Describe()}: {response.Describe()}");
        ClearBoundaryTimers(token);
        Incident(token, node, new WorkflowException($"{node.Label}: the webhook {call.Describe()} {why} ({response.Describe()}). Retrying the instance calls it again."));
    }

    /// <summary>A JSON answer becomes an object or list scripts can read; anything else stays text.</summary>
    private static object? BodyOf(WebhookResponse response)
    {
        if (string.IsNullOrEmpty(response.Body))
        {
            return null;
        }

        if (response.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                return JsonValues.Read(document.RootElement);
            }
            catch (JsonException)
            {
                // Not the JSON it claims to be: keep the text.
            }
        }

        return response.Body;
    }
}
