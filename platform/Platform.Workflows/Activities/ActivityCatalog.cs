using Platform.Workflows.Activities.Events;
using Platform.Workflows.Activities.Gateways;
using Platform.Workflows.Activities.Tasks;

namespace Platform.Workflows.Activities;

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
