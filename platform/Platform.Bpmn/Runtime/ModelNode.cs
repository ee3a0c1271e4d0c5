using System.Xml.Linq;
using Platform.Bpmn.Activities;
using Platform.Bpmn.Activities.Events;
using Platform.Bpmn.Parsing;

namespace Platform.Bpmn.Runtime;

/// <summary>
/// One flow node ready to run: its kind with the activity that runs it and that kind's typed
/// <see cref="Settings"/>, its event definition (timer, error, message), the sub-process it sits in
/// (<see cref="Scope"/>, null at the process level), its flows, boundary events and loop.
/// </summary>
public sealed class ModelNode
{
    internal ModelNode(BpmnNode node, string? scope, IReadOnlyDictionary<string, string> errors, IReadOnlyDictionary<string, string> messages)
    {
        Id = node.Id;
        Name = node.Name;
        Names = ElementNames.Read(node.Element);
        Kind = node.Kind;
        Activity = ActivityCatalog.Find(node.Kind);
        Settings = Activity?.ReadSettings(node.Element);
        EventKind = node.EventKind;
        Scope = scope;
        AttachedTo = node.AttachedTo;
        DefaultFlow = node.DefaultFlow;
        var element = node.Element;
        var definition = element.Elements().FirstOrDefault(e => e.Name.Namespace == BpmnNamespaces.Model && e.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal));
        CancelActivity = (bool?)element.Attribute("cancelActivity") ?? true;
        Loop = LoopSettings.Read(element);
        Definition = EventKind switch
        {
            "timer" when definition is not null => TimerSettings.Read(node.Id, definition),
            "error" when definition is not null => new ErrorEventSettings(
                (string?)definition.Attribute("errorRef") is { } error ? errors.GetValueOrDefault(error, error) : null,
                Extension(definition, "errorCodeVariable"), Extension(definition, "errorMessageVariable")),
            "message" when definition is not null => new MessageEventSettings(
                (string?)definition.Attribute("messageRef") is { } message ? messages.GetValueOrDefault(message, message) : node.Id),
            _ => null,
        };
    }

    /// <summary><c>platform:onReject</c>: a rejection ends the request (the default).</summary>
    public const string RejectEnds = "end";

    /// <summary><c>platform:onReject</c>: a rejection moves on with <c>approved = false</c>; the model routes it.</summary>
    public const string RejectContinues = "continue";

    /// <summary>A return (or <c>platform:onReject</c>) to the person who started the process, who resubmits or withdraws.</summary>
    public const string ReturnToInitiator = IWorkflowEngine.ReturnToInitiator;

    public string Id { get; }

    public string? Name { get; }

    /// <summary>The name in each language (<c>platform:name-en</c> beside <c>name</c>).</summary>
    public ElementNames Names { get; }

    public string Kind { get; }

    /// <summary>What running this element does, bound when the file was read; null for an element the engine cannot run (it does not deploy).</summary>
    public Activity? Activity { get; }

    public string? EventKind { get; }

    public string? Scope { get; }

    public string? AttachedTo { get; }

    public string? DefaultFlow { get; }

    /// <summary>Boundary events: true (the default) when firing ends the activity they are attached to.</summary>
    public bool CancelActivity { get; }

    public List<ModelFlow> Outgoing { get; } = [];

    public List<ModelFlow> Incoming { get; } = [];

    public List<ModelNode> Boundaries { get; } = [];

    public LoopSettings? Loop { get; }

    /// <summary>The event definition's settings, typed: <see cref="TimerSettings"/>, <see cref="ErrorEventSettings"/> or <see cref="MessageEventSettings"/>; null for plain events and other elements.</summary>
    public object? Definition { get; }

    public TimerSettings? Timer => Definition as TimerSettings;

    public ErrorEventSettings? Error => Definition as ErrorEventSettings;

    public MessageEventSettings? Message => Definition as MessageEventSettings;

    /// <summary>The settings of this element's kind, typed by its activity (<c>UserTaskSettings</c>, <c>ServiceTaskSettings</c>, …); null for kinds without any.</summary>
    public object? Settings { get; }

    /// <summary>The settings as the kind's type; null when the element is of another kind.</summary>
    public T? SettingsOf<T>() where T : class => Settings as T;

    public string Label => Name ?? Id;

    /// <summary>What people reading <paramref name="culture"/> call this element: its name in that language, else its id.</summary>
    public string LabelIn(string culture) => Names.For(culture) ?? Id;

    /// <summary>An extension attribute of ours, Camunda's, Flowable's or Activiti's (the first found).</summary>
    public static string? Extension(XElement element, string name) =>
        BpmnNamespaces.Extensions.Select(ns => (string?)element.Attribute(ns + name)).FirstOrDefault(v => v is not null);
}
