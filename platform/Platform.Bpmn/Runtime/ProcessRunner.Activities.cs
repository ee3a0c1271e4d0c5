using System.Globalization;
using Platform.Bpmn.Activities.Tasks;
using Platform.Core.Metadata;

namespace Platform.Bpmn.Runtime;

public sealed partial class ProcessRunner
{
    internal async Task OpenTaskAsync(Token token, ModelNode node)
    {
        var assignment = node.SettingsOf<UserTaskSettings>()!.Assignment;
        var assignee = await FillTextAsync(token, $"{node.Id} assignee", assignment.Assignee);
        var ruled = await PeopleByRuleAsync(node, assignment);
        var users = List(await FillAsync(token, $"{node.Id} candidate users", assignment.CandidateUsers ?? ""));
        if (assignment.Rule is not null)
        {
            // One person by the rule gets it; several (a role in the department) are offered it.
            (assignee, users) = ruled.Count == 1 ? (ruled[0], users) : (null, [.. users.Union(ruled)]);
        }

        var roles = List(await FillAsync(token, $"{node.Id} candidate groups", assignment.CandidateRoles ?? ""));
        DateTimeOffset? due = null;
        if (assignment.DueDate is not null)
        {
            due = await FillAsync(token, $"{node.Id} due date", assignment.DueDate) switch
            {
                DateTimeOffset at => at,
                string text when IsoDuration.TryParse(text, out var wait) => wait.AddTo(context.Now),
                string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) => at,
                var other => throw new WorkflowException($"{node.Label}: the due date '{other}' is neither an ISO-8601 duration nor a date."),
            };
        }

        var name = await FillTextAsync(token, $"{node.Id} name", node.Label) ?? node.Id;
        var timers = await PlanBoundaryTimersAsync(token, node);
        var task = new OpenedTask(Guid.CreateVersion7(context.Now), token.Id, node.Id, name, assignee, users, roles, due);
        token.Tasks.Add(task.Id);
        token.State = TokenState.Waiting;
        Effects.OpenedTasks.Add(task);
        History(node.Id, "taskCreated", null, assignee ?? string.Join(", ", users.Concat(roles)));
        Set(timers);
    }

    /// <summary>
    /// Whom a rule names now: the initiator, their manager N levels up, the record's department manager, or
    /// the holders of a role in the initiator's department; refused with a code people are told when nobody fits.
    /// </summary>
    private async Task<List<string>> PeopleByRuleAsync(ModelNode node, TaskAssignment assignment)
    {
        List<string> people = assignment.Rule switch
        {
            null => [],
            TaskAssignment.Initiator => context.Initiator is { } initiator ? [initiator] : [],
            TaskAssignment.InitiatorManager => await ManagerAboveAsync(context.Initiator, assignment.Level) is { } manager ? [manager] : [],
            TaskAssignment.OwnerDepartmentManager => await services.OwnerDepartmentManagerAsync() is { } owner ? [owner] : [],
            TaskAssignment.DepartmentRole => context.Initiator is { } starter ? [.. await services.DepartmentRoleHoldersAsync(starter, assignment.Role!)] : [],
            var rule => throw new WorkflowException($"{node.Label}: the assignee rule '{rule}' is unknown ({string.Join(", ", TaskAssignment.Rules)})."),
        };
        if (assignment.Rule is not null && people.Count == 0)
        {
            var code = assignment.Rule switch
            {
                TaskAssignment.OwnerDepartmentManager => WorkflowException.NoDepartmentManager,
                TaskAssignment.DepartmentRole => WorkflowException.NoRoleHolder,
                _ => WorkflowException.NoManager,
            };
            throw new WorkflowException($"{node.Label}: nobody fits the assignee rule '{assignment.Rule}'{(assignment.Level > 1 ? $" (level {assignment.Level})" : "")}{(assignment.Role is null ? "" : $" (role {assignment.Role})")}.", code);
        }

        return people;
    }

    /// <summary>The manager <paramref name="levels"/> levels above <paramref name="userId"/>; null when the tree ends before.</summary>
    private async Task<string?> ManagerAboveAsync(string? userId, int levels)
    {
        var current = userId;
        for (var level = 0; level < levels && current is not null; level++)
        {
            var next = await services.ManagerOfAsync(current);
            current = next == current ? null : next;
        }

        return current;
    }

    private static List<string> List(object? value) => value switch
    {
        null => [],
        string text => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        IEnumerable<object?> items => [.. items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture)).OfType<string>().Where(s => s.Length > 0)],
        _ => [Convert.ToString(value, CultureInfo.InvariantCulture)!],
    };

    internal async Task RunScriptAsync(Token token, ModelNode node)
    {
        if (node.SettingsOf<ScriptTaskSettings>()?.Script is not { Length: > 0 } script)
        {
            await LeaveAsync(token);
            return;
        }

        var changes = scripts.Run($"{model.Key}.{node.Id}", script, VariablesOf(token), await RecordAsync(), context.User);
        foreach (var (name, value) in changes)
        {
            SetVariable(token, name, value);
        }

        await LeaveAsync(token);
    }

    internal async Task PerformAsync(Token token, ModelNode node)
    {
        var action = node.SettingsOf<ServiceTaskSettings>()?.Action;
        if (action?.Kind is null)
        {
            // A service task without a platform action (e.g. a Camunda Java class) does nothing here; deploy checks warn about it.
            await LeaveAsync(token);
            return;
        }

        if (action.Kind == ServiceAction.UpdateRecords)
        {
            await UpdateRecordsAsync(token, node, action);
            return;
        }

        if (action.Kind == ServiceAction.NotifyRecords)
        {
            await NotifyRecordsAsync(token, node, action);
            return;
        }

        if (action.Kind == ServiceAction.Reorder)
        {
            await ReorderAsync(token, node, action);
            return;
        }

        var values = action.Values is null
            ? new Dictionary<string, object?>()
            : await ExpressionAsync(token, $"{node.Id} values", action.Values) switch
            {
                IReadOnlyDictionary<string, object?> map => map,
                null => new Dictionary<string, object?>(),
                var other => throw new WorkflowException($"{node.Label}: the values give {other}, not an object such as {{ status: 'approved' }}."),
            };
        if (action.Kind == ServiceAction.Webhook)
        {
            await QueueWebhookAsync(token, node, action, values);
            return;
        }

        var recipients = action.Kind == ServiceAction.Notify ? await RecipientsAsync(token, node, action) : [];
        var message = action.Message is null ? null : await FillTextAsync(token, $"{node.Id} message", action.Message);
        var result = await services.PerformAsync(action with { Message = message }, values, recipients);
        if (action.Kind == ServiceAction.Notify)
        {
            // With words in English too, the message is said as it is in each language; otherwise as a copy of the request.
            var english = action.MessageEn is null ? null : Convert.ToString(await FillTextAsync(token, $"{node.Id} message-en", action.MessageEn), CultureInfo.InvariantCulture);
            Effects.Notices.Add(new StepNotice(recipients, node.Id, message)
            {
                Text = english is null ? null : new LocalizedText { ["zh-CN"] = message ?? english, ["en"] = english },
                Link = action.Link is { Length: > 0 } link && link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) ? link : null,
            });
        }

        _recordRead = false; // The action may have changed the bound record.
        if (action.ResultVariable is { Length: > 0 } variable)
        {
            SetVariable(token, variable, result);
        }

        History(node.Id, "performed", null, action.Kind == ServiceAction.Notify ? $"notify {string.Join(", ", recipients)}: {message}" : action.Kind);
        await LeaveAsync(token);
    }

    /// <summary>Changes every record the task's filter finds, each with its values computed with it as <c>record</c> (a note appended to its own).</summary>
    private async Task UpdateRecordsAsync(Token token, ModelNode node, ServiceAction action)
    {
        var entity = action.Entity ?? throw new WorkflowException($"{node.Label}: updateRecords names no entity (platform:entity).");
        var filter = action.Filter is null ? "" : Convert.ToString(await ExpressionAsync(token, $"{node.Id} filter", action.Filter), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var variables = VariablesOf(token);
        var changed = await services.UpdateRecordsAsync(entity, filter, ServiceAction.MaxUpdated, record => action.Values is null
            ? new Dictionary<string, object?>()
            : scripts.Evaluate($"{node.Id} values", WorkflowCondition.Script(action.Values), variables, record, context.User) switch
            {
                IReadOnlyDictionary<string, object?> map => map,
                null => new Dictionary<string, object?>(),
                var other => throw new WorkflowException($"{node.Label}: the values give {other}, not an object such as {{ ownerId: null }}."),
            });
        _recordRead = false;
        if (action.ResultVariable is { Length: > 0 } variable)
        {
            SetVariable(token, variable, changed);
        }

        History(node.Id, "performed", null, $"updateRecords {entity}: {changed}");
        await LeaveAsync(token);
    }

    /// <summary>Drafts purchase documents for the stock below its reorder levels, each with the task's values computed with its <c>group</c>.</summary>
    private async Task ReorderAsync(Token token, ModelNode node, ServiceAction action)
    {
        var entity = action.Entity ?? throw new WorkflowException($"{node.Label}: reorder names no entity (platform:entity).");
        var variables = VariablesOf(token);
        var drafted = await services.ReorderAsync(entity, group =>
        {
            if (action.Values is null)
            {
                return new Dictionary<string, object?>();
            }

            var withGroup = new Dictionary<string, object?>(variables) { ["group"] = group };
            return scripts.Evaluate($"{node.Id} values", WorkflowCondition.Script(action.Values), withGroup, null, context.User) switch
            {
                IReadOnlyDictionary<string, object?> map => map,
                null => new Dictionary<string, object?>(),
                var other => throw new WorkflowException($"{node.Label}: the values give {other}, not an object such as {{ supplier: group.supplier }}."),
            };
        });
        if (action.ResultVariable is { Length: > 0 } variable)
        {
            SetVariable(token, variable, drafted);
        }

        History(node.Id, "performed", null, $"reorder {entity}: {drafted}");
        await LeaveAsync(token);
    }

    /// <summary>
    /// Tells the owner of every record the task's filter finds (and the task's own recipients) its message, filled with the
    /// record as <c>record</c>, with a link to the record: a reminder per record (a contact's birthday).
    /// </summary>
    private async Task NotifyRecordsAsync(Token token, ModelNode node, ServiceAction action)
    {
        var entity = action.Entity ?? throw new WorkflowException($"{node.Label}: notifyRecords names no entity (platform:entity).");
        var filter = action.Filter is null ? "" : Convert.ToString(await ExpressionAsync(token, $"{node.Id} filter", action.Filter), CultureInfo.InvariantCulture) ?? "";
        var everyTime = await RecipientsAsync(token, node, action);
        var variables = VariablesOf(token);
        var found = await services.FindRecordsAsync(entity, filter, ServiceAction.MaxUpdated);
        var told = 0;
        foreach (var record in found)
        {
            var people = everyTime.ToList();
            if (record.GetValueOrDefault(SystemFields.Owner) is string { Length: > 0 } owner && !people.Contains(owner, StringComparer.Ordinal))
            {
                people.Add(owner);
            }

            if (people.Count == 0)
            {
                continue;
            }

            string Said(string? text) => Convert.ToString(text is null ? null : scripts.Fill($"{node.Id} message", text, variables, record, context.User), CultureInfo.InvariantCulture) ?? "";
            var chinese = Said(action.Message);
            var text = new LocalizedText { ["zh-CN"] = chinese, ["en"] = action.MessageEn is null ? chinese : Said(action.MessageEn) };
            Effects.Notices.Add(new StepNotice(people, node.Id, chinese) { Text = text, Link = $"/records/{entity}/{record.GetValueOrDefault(SystemFields.Id)}" });
            told++;
        }

        if (action.ResultVariable is { Length: > 0 } variable)
        {
            SetVariable(token, variable, told);
        }

        History(node.Id, "performed", null, $"notifyRecords {entity}: {told}");
        await LeaveAsync(token);
    }

    /// <summary>Whom a notification goes to: the people of <c>platform:to</c>, the holders of <c>platform:candidateGroups</c> and whoever <c>platform:assigneeRule</c> names.</summary>
    private async Task<List<string>> RecipientsAsync(Token token, ModelNode node, ServiceAction action)
    {
        var recipients = List(action.To is null ? null : await FillAsync(token, $"{node.Id} recipients", action.To));
        var assignment = node.SettingsOf<ServiceTaskSettings>()!.Recipients;
        foreach (var role in List(assignment.CandidateRoles is null ? null : await FillAsync(token, $"{node.Id} recipient roles", assignment.CandidateRoles)))
        {
            recipients.AddRange(await services.RoleHoldersAsync(role));
        }

        recipients.AddRange(await PeopleByRuleAsync(node, assignment));
        return [.. recipients.Distinct(StringComparer.Ordinal)];
    }

    internal async Task EnterSubProcessAsync(Token token, ModelNode node)
    {
        var start = model.StartOf(node.Id) ?? throw new WorkflowException($"{node.Label}: the sub-process has no start event.");
        var timers = await PlanBoundaryTimersAsync(token, node);
        var scope = new ScopeInstance { Id = state.NextId("s"), ParentId = token.ScopeId, NodeId = node.Id, Kind = ScopeInstance.SubProcess, OwnerToken = token.Id };
        state.Scopes.Add(scope);
        token.State = TokenState.Waiting;
        token.ChildScopeId = scope.Id;
        _active.Enqueue(NewToken(start.Id, scope.Id));
        Set(timers);
    }

    internal async Task CallAsync(Token token, ModelNode node)
    {
        var key = await FillTextAsync(token, $"{node.Id} called element", node.SettingsOf<CallActivitySettings>()?.CalledElement)
            ?? throw new WorkflowException($"{node.Label}: the call activity names no process.");
        var timers = await PlanBoundaryTimersAsync(token, node);
        token.State = TokenState.Waiting;
        token.CalledInstance = Guid.CreateVersion7(context.Now);
        Effects.Calls.Add(new ProcessCall(token.Id, node.Id, key, VariablesOf(token)));
        History(node.Id, "called", null, key);
        Set(timers);
    }
}
