using Platform.Rules;

namespace Platform.Bpmn.Parsing;

/// <summary>
/// Checks what deploying a file would run: the executable processes use only supported elements,
/// every flow connects existing nodes, gateways lead somewhere, conditions are JavaScript that
/// parses, called processes exist, and no loop can spin without waiting. Each problem names the
/// element id and why.
/// </summary>
public static class BpmnValidator
{
    /// <summary>The elements the engine runs (Activities/) with the event definitions each may carry ("" for none).</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>> Supported =
        Activities.ActivityCatalog.All.ToDictionary(a => a.Descriptor.Element, a => a.Descriptor.EventDefinitions, StringComparer.Ordinal);

    /// <summary>The attributes of our namespace that the engine reads (assignment rules, service actions).</summary>
    private static readonly string[] PlatformAttributes =
        ["assignee", "candidateUsers", "candidateGroups", "dueDate", "assigneeRule", "collection", "elementVariable", "errorCodeVariable", "errorMessageVariable",
         "action", "entity", "values", "to", "message", "resultVariable", "onReject", "on", "fields", "condition",
         "url", "method", "headers", "retries", "retryDelay", "timeout", "level", "role", "editableFields", "filter", "message-en", "link"];

    /// <summary>The attributes of our namespace on a process element: how it treats its bound record.</summary>
    private static readonly string[] ProcessAttributes = ["entity", "lockRecord", "statusField", "statusValues", "submitWhen"];

    /// <summary>A name in another language (<c>platform:name-en</c>, <c>platform:name-zh-CN</c>): allowed on every element.</summary>
    private static readonly System.Text.RegularExpressions.Regex NameInLanguage = new("^name-[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Camunda/Flowable attributes that name Java code or external workers as a service task's implementation.</summary>
    private static readonly string[] JavaImplementations = ["class", "delegateExpression", "expression", "type"];

    /// <summary>Elements a token stops at (a person, a message, a timer, another process): a loop through one of them cannot spin.</summary>
    private static readonly HashSet<string> WaitStates = [.. Activities.ActivityCatalog.All.Where(a => a.Descriptor.Waits).Select(a => a.Descriptor.Element)];

    /// <param name="otherProcesses">Ids of processes already deployed, which call activities may call.</param>
    public static IReadOnlyList<BpmnProblem> Validate(BpmnDefinitions definitions, IReadOnlyCollection<string>? otherProcesses = null)
    {
        var problems = new List<BpmnProblem>();
        var executable = definitions.Processes.Where(p => p.IsExecutable).ToList();
        if (executable.Count == 0)
        {
            problems.Add(new Refusal(BpmnProblem.NoExecutableProcess, "There is no executable process (isExecutable=\"true\") to deploy.").At(definitions.Id, "definitions"));
        }

        var callable = definitions.Processes.Select(p => p.Id).Concat(otherProcesses ?? []).ToHashSet(StringComparer.Ordinal);
        foreach (var process in executable)
        {
            foreach (var attribute in process.Element.Attributes().Where(a => a.Name.Namespace == BpmnNamespaces.Platform && !ProcessAttributes.Contains(a.Name.LocalName) && !NameInLanguage.IsMatch(a.Name.LocalName)))
            {
                problems.Add(new Refusal(BpmnProblem.UnknownProcessAttribute, $"platform:{attribute.Name.LocalName} is not an attribute this platform knows on a process; known: {string.Join(", ", ProcessAttributes)}.", attribute.Name.LocalName, string.Join(", ", ProcessAttributes))
                    .At(process.Id, BpmnParser.Position(process.Element)));
            }

            if (Runtime.RecordBinding.Problem(process.Element) is { } binding)
            {
                problems.Add(binding.At(process.Id, BpmnParser.Position(process.Element)));
            }

            if (!process.Nodes.Any(n => n.Kind == "startEvent"))
            {
                problems.Add(new Refusal(BpmnProblem.NoStartEvent, "The process has no start event.").At(process.Id, BpmnParser.Position(process.Element)));
            }

            Check(process.Nodes, process.Flows, callable, problems);
            CheckRejections(process, problems);
        }

        return problems;
    }

    private static void Check(IReadOnlyList<BpmnNode> nodes, IReadOnlyList<BpmnFlow> flows, HashSet<string> callable, List<BpmnProblem> problems)
    {
        var byId = new Dictionary<string, BpmnNode>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.Id.Length == 0)
            {
                problems.Add(new Refusal(BpmnProblem.MissingId, $"A {node.Kind} has no id.", node.Kind).At(null, node.Line));
            }
            else if (!byId.TryAdd(node.Id, node))
            {
                problems.Add(new Refusal(BpmnProblem.DuplicateId, "Another element has the same id.", node.Id).At(node.Id, node.Line));
            }

            if (!Supported.TryGetValue(node.Kind, out var events))
            {
                problems.Add(new Refusal(BpmnProblem.Unsupported, $"{node.Kind} is not supported; supported elements: {string.Join(", ", Supported.Keys)}.", node.Kind).At(node.Id, node.Line));
            }
            else if (!events.Contains(node.EventKind ?? ""))
            {
                problems.Add(new Refusal(
                    BpmnProblem.UnsupportedEvent,
                    $"A {node.Kind} with a {node.EventKind ?? "missing"} event definition is not supported; supported: {string.Join(", ", events.Select(e => e.Length == 0 ? "none" : e))}.",
                    node.Kind,
                    node.EventKind ?? "none").At(node.Id, node.Line));
            }

            if (node.Kind == "callActivity" && ((string?)node.Element.Attribute("calledElement") is not { Length: > 0 } called || !callable.Contains(called)))
            {
                var calledName = (string?)node.Element.Attribute("calledElement") ?? "";
                problems.Add(new Refusal(BpmnProblem.UnknownCalledProcess, $"The call activity calls '{calledName}', which is neither in this file nor deployed.", calledName).At(node.Id, node.Line));
            }

            CheckSettings(node, problems);
            if (node.Kind == "subProcess")
            {
                Check(node.Nodes, node.Flows, callable, problems);
            }
        }

        foreach (var node in nodes.Where(n => n.Kind == "boundaryEvent" && (n.AttachedTo is null || !byId.ContainsKey(n.AttachedTo))))
        {
            problems.Add(new Refusal(BpmnProblem.BoundaryNotAttached, $"The boundary event is attached to '{node.AttachedTo}', which is not an activity of this process.", node.AttachedTo ?? "").At(node.Id, node.Line));
        }

        foreach (var flow in flows)
        {
            foreach (var (end, id, code) in new[] { ("source", flow.Source, BpmnProblem.FlowSourceMissing), ("target", flow.Target, BpmnProblem.FlowTargetMissing) })
            {
                if (!byId.ContainsKey(id))
                {
                    problems.Add(new Refusal(code, $"The sequence flow's {end} '{id}' is not a node of this process.", id).At(flow.Id, BpmnParser.Position(flow.Element)));
                }
            }

            if (flow.Condition is { } condition
                && ExpressionProblem(flow.Id, WorkflowCondition.Script(condition), BpmnProblem.ConditionNotExpression, "The condition is not a JavaScript expression") is { } notParsing)
            {
                problems.Add(notParsing.At(flow.Id, BpmnParser.Position(flow.Element)));
            }
        }

        foreach (var gateway in nodes.Where(n => n.Kind.EndsWith("Gateway", StringComparison.Ordinal) && !flows.Any(f => f.Source == n.Id)))
        {
            problems.Add(new Refusal(BpmnProblem.GatewayNoOutgoing, "The gateway has no outgoing sequence flow.").At(gateway.Id, gateway.Line));
        }

        foreach (var cycle in SpinningLoops(nodes, flows))
        {
            problems.Add(new Refusal(BpmnProblem.SpinningLoop, "This element is on a loop without any wait state (user task, catch event, call activity): a token would spin forever.").At(cycle, byId[cycle].Line));
        }
    }

    /// <summary>What a node's kind reads must make sense before it runs: timers, scripts, actions, loops.</summary>
    private static void CheckSettings(BpmnNode node, List<BpmnProblem> problems)
    {
        void Refuse(Refusal refusal) => problems.Add(refusal.At(node.Id, node.Line));

        // Our own attributes are few and all do something: one we do not know would silently do nothing.
        var own = node.Element.Elements().Where(e => e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal) || e.Name.LocalName == "multiInstanceLoopCharacteristics")
            .SelectMany(e => e.DescendantsAndSelf()).Prepend(node.Element);
        foreach (var attribute in own.SelectMany(e => e.Attributes()).Where(a => a.Name.Namespace == BpmnNamespaces.Platform && !PlatformAttributes.Contains(a.Name.LocalName) && !NameInLanguage.IsMatch(a.Name.LocalName)))
        {
            Refuse(new Refusal(BpmnProblem.UnknownAttribute, $"platform:{attribute.Name.LocalName} is not an attribute this platform knows; known: {string.Join(", ", PlatformAttributes)}.", attribute.Name.LocalName, string.Join(", ", PlatformAttributes)));
        }

        var definition = node.Element.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNamespaces.Model && e.Name.LocalName == "timerEventDefinition");
        if (definition is not null)
        {
            if (Runtime.TimerSettings.Read(node.Id, definition) is not { } timer)
            {
                Refuse(new Refusal(BpmnProblem.TimerMissing, "The timer has no timeDuration, timeDate or timeCycle."));
            }
            else if (timer.Problem() is { } problem)
            {
                Refuse(new Refusal(BpmnProblem.TimerInvalid, problem, timer.Text, problem));
            }
            else if (node.Kind == "startEvent" && timer.Text.Contains("${", StringComparison.Ordinal))
            {
                Refuse(new Refusal(BpmnProblem.TimerStartVariable, "A timer start event fires before any variable exists: give a literal duration, date, cycle or cron expression.", timer.Text));
            }
        }

        if (node.Kind == "scriptTask" && node.Element.Element(BpmnNamespaces.Model + "script")?.Value.Trim() is { Length: > 0 } script)
        {
            var format = ((string?)node.Element.Attribute("scriptFormat"))?.ToLowerInvariant();
            if (format is not (null or "javascript" or "js" or "ecmascript" or "text/javascript"))
            {
                Refuse(new Refusal(BpmnProblem.ScriptLanguage, $"The script is {format}; scripts here are JavaScript.", format));
            }
            else if (ScriptCompiler.Compile(node.Id, script, ScriptShape.Statements, out var error) is null)
            {
                Refuse(new Refusal(BpmnProblem.ScriptNotParsing, $"The script is not JavaScript that parses ({error}).", $"{error!.Line}", $"{error.Column}", error.Message));
            }
        }

        if (node.Kind == "serviceTask")
        {
            var action = Runtime.ServiceAction.Read(node.Element);
            var java = JavaImplementations.FirstOrDefault(a => Runtime.ModelNode.Extension(node.Element, a) is not null);
            if (action.Kind is { } kind && !Runtime.ServiceAction.Kinds.Contains(kind))
            {
                Refuse(new Refusal(BpmnProblem.UnknownAction, $"The service action '{kind}' is unknown; use one of {string.Join(", ", Runtime.ServiceAction.Kinds)}.", kind, string.Join(", ", Runtime.ServiceAction.Kinds)));
            }
            else if (action.Kind is null && java is not null)
            {
                Refuse(new Refusal(BpmnProblem.JavaImplementation, $"The service task is implemented by a Java {java}, which cannot run here; give it platform:action ({string.Join(", ", Runtime.ServiceAction.Kinds)}).", java, string.Join(", ", Runtime.ServiceAction.Kinds)));
            }
            else if (action.Kind == Runtime.ServiceAction.CreateRecord && action.Entity is null)
            {
                Refuse(new Refusal(BpmnProblem.CreateRecordNeedsEntity, "createRecord needs platform:entity, the entity to create a record of."));
            }
            else if (action.Kind == Runtime.ServiceAction.Reorder && action.Entity is null)
            {
                Refuse(new Refusal(BpmnProblem.ReorderNeedsEntity, "reorder needs platform:entity, the purchase document to draft."));
            }
            else if (action.Kind == Runtime.ServiceAction.UpdateRecords && (action.Entity is null || action.Filter is null))
            {
                Refuse(new Refusal(BpmnProblem.UpdateRecordsNeedsEntity, "updateRecords needs platform:entity and platform:filter, the records to change."));
            }
            else if (action.Kind == Runtime.ServiceAction.NotifyRecords && (action.Entity is null || action.Filter is null || action.Message is null))
            {
                Refuse(new Refusal(BpmnProblem.NotifyRecordsNeedsEntity, "notifyRecords needs platform:entity, platform:filter and platform:message: the records to tell of and what to say."));
            }
            else if (action.Kind == Runtime.ServiceAction.Webhook)
            {
                if (action.Url is null)
                {
                    Refuse(new Refusal(BpmnProblem.WebhookNeedsUrl, "A webhook needs platform:url, the http or https address to call."));
                }
                else if (!action.Url.Contains("${", StringComparison.Ordinal) && !Runtime.WebhookSettings.IsCallable(action.Url))
                {
                    Refuse(new Refusal(BpmnProblem.WebhookUrlInvalid, $"The webhook URL '{action.Url}' is not an absolute http or https address.", action.Url));
                }

                if (Runtime.WebhookSettings.Read(action, out var settingsProblem) is null)
                {
                    Refuse(new Refusal(BpmnProblem.WebhookSettingInvalid, settingsProblem!, settingsProblem!));
                }
            }
        }

        if (node.Kind == "serviceTask")
        {
            foreach (var setting in new[] { "values", "headers" })
            {
                if (Runtime.ModelNode.Extension(node.Element, setting) is { } expression
                    && ExpressionProblem(node.Id, expression, BpmnProblem.ExpressionNotParsing, $"platform:{setting} is not a JavaScript expression", $"platform:{setting}") is { } notParsing)
                {
                    Refuse(notParsing);
                }
            }
        }

        if (node.Kind is "userTask" or "serviceTask" && Runtime.TaskAssignment.Problem(node.Element) is { } assignment)
        {
            Refuse(assignment);
        }

        if (node.Kind == "startEvent" && Runtime.RecordTrigger.Read(node.Id, node.Element)?.Problem() is { } trigger)
        {
            Refuse(trigger);
        }
        else if (node.Kind != "startEvent" && (Runtime.ModelNode.Extension(node.Element, "on") ?? Runtime.ModelNode.Extension(node.Element, "condition") ?? Runtime.ModelNode.Extension(node.Element, "fields")) is not null)
        {
            Refuse(new Refusal(BpmnProblem.TriggerOutsideStart, "platform:on, platform:fields and platform:condition belong on a start event (a record trigger)."));
        }

        if (Runtime.LoopSettings.Read(node.Element) is { Cardinality: null, Collection: null })
        {
            Refuse(new Refusal(BpmnProblem.MultiInstanceNeedsCount, "A multi-instance activity needs a loopCardinality or a collection."));
        }
    }

    /// <summary>A task's <c>platform:onReject</c> is end, continue, initiator, or an earlier user task of the process.</summary>
    private static void CheckRejections(BpmnProcess process, List<BpmnProblem> problems)
    {
        var all = Flatten(process.Nodes).ToList();
        var userTasks = all.Where(n => n.Kind == "userTask").Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var node in all.Where(n => n.Kind == "userTask"))
        {
            if (Runtime.ModelNode.Extension(node.Element, "onReject") is { } onReject
                && onReject is not (Runtime.ModelNode.RejectEnds or Runtime.ModelNode.RejectContinues or Runtime.ModelNode.ReturnToInitiator)
                && (!userTasks.Contains(onReject) || onReject == node.Id))
            {
                problems.Add(new Refusal(BpmnProblem.OnRejectInvalid, $"platform:onReject is '{onReject}'; give end, continue, initiator, or the id of an earlier user task.", onReject).At(node.Id, node.Line));
            }
        }

        static IEnumerable<BpmnNode> Flatten(IEnumerable<BpmnNode> nodes) => nodes.SelectMany(n => Flatten(n.Nodes).Prepend(n));
    }

    /// <summary>
    /// Why a JavaScript expression does not parse (the refusal's arguments: line, column, the parser's words, what was
    /// written, then <paramref name="more"/>); null when it parses.
    /// </summary>
    public static Refusal? ExpressionProblem(string name, string expression, string code, string message, params string[] more) =>
        ScriptCompiler.Compile(name, expression, ScriptShape.Expression, out var error) is null
            ? new Refusal(code, $"{message} ({error}): {expression}", [$"{error!.Line}", $"{error.Column}", error.Message, expression, .. more])
            : null;

    /// <summary>One node of each loop that passes through no wait state.</summary>
    private static IEnumerable<string> SpinningLoops(IReadOnlyList<BpmnNode> nodes, IReadOnlyList<BpmnFlow> flows)
    {
        // A webhook service task waits for its call to be delivered after the step commits.
        var moving = nodes.Where(n => !WaitStates.Contains(n.Kind) && !(n.Kind == "serviceTask" && Runtime.ModelNode.Extension(n.Element, "action") == Runtime.ServiceAction.Webhook))
            .Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var next = flows.Where(f => moving.Contains(f.Source) && moving.Contains(f.Target)).ToLookup(f => f.Source, f => f.Target);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 on the path, 2 done
        var found = new List<string>();
        foreach (var start in moving)
        {
            Visit(start);
        }

        return found.Distinct();

        void Visit(string id)
        {
            if (state.GetValueOrDefault(id) == 2)
            {
                return;
            }

            if (state.GetValueOrDefault(id) == 1)
            {
                found.Add(id);
                return;
            }

            state[id] = 1;
            foreach (var target in next[id])
            {
                Visit(target);
            }

            state[id] = 2;
        }
    }
}
