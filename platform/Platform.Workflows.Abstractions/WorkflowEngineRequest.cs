using Microsoft.Extensions.DependencyInjection;

namespace Platform.Workflows;

/// <summary>
/// A module's request for the workflow engine. The engine is the platform's (platform/Platform.Bpmn),
/// and a module never references it: the module that offers workflows asks for it here, and the host
/// adds the engine, its timer and webhook dispatchers and its package part after every module's
/// services. Without a request, no process starts, runs or is deployed.
/// </summary>
public sealed record WorkflowEngineRequest(bool FireTimers);

public static class WorkflowEngineRequests
{
    /// <summary>Asks for the workflow engine; <paramref name="fireTimers"/> false keeps timers and webhooks from firing on this node.</summary>
    public static IServiceCollection RequestWorkflowEngine(this IServiceCollection services, bool fireTimers = true) =>
        services.AddSingleton(new WorkflowEngineRequest(fireTimers));
}
