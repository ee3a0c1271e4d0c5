using Platform.Bpmn.Activities.Events;
using Platform.Bpmn.Activities.Gateways;
using Platform.Bpmn.Activities.Tasks;

namespace Platform.Bpmn.Activities;

/// <summary>The element kinds this engine runs, by BPMN name: adding one is adding its class here.</summary>
public static class ActivityCatalog
{
    public static IReadOnlyList<Activity> All { get; } =
    [
        new StartEventActivity(), new EndEventActivity(), new IntermediateCatchEventActivity(), new IntermediateThrowEventActivity(), new BoundaryEventActivity(),
        new UserTaskActivity(), new ServiceTaskActivity(), new ScriptTaskActivity(), new PlainTaskActivity(), new CallActivity(), new SubProcessActivity(),
        new ExclusiveGatewayActivity(), new ParallelGatewayActivity(), new InclusiveGatewayActivity(),
    ];

    private static readonly Dictionary<string, Activity> ByElement = All.ToDictionary(a => a.Descriptor.Element, StringComparer.Ordinal);

    public static Activity? Find(string element) => ByElement.GetValueOrDefault(element);
}
