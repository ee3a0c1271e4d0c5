using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Bpmn.Runtime;

namespace Platform.Bpmn.Engine;

public static class WorkflowEngineServiceCollectionExtensions
{
    /// <summary>The engine (one per request scope), its shared caches and locks, and — unless turned off — the timer and webhook dispatchers.</summary>
    public static IServiceCollection AddWorkflowEngine(this IServiceCollection services, bool timers = true)
    {
        services.TryAddSingleton<ProcessModels>();
        services.TryAddSingleton<InstanceLocks>();
        services.TryAddSingleton<RoleHolders>();
        services.TryAddSingleton<GroupedCommits>();
        services.TryAddSingleton<WorkflowScripts>();
        services.TryAddScoped<WorkflowEngine>();
        services.TryAddScoped<Platform.Records.Notifications.INotificationCentre, Platform.Data.Notifications.NotificationCentre>();
        services.TryAddScoped<WorkflowDeployment>();
        services.TryAddScoped<Queries.WorkflowQueries>();
        services.TryAddScoped<IWorkflowEngine>(sp => sp.GetRequiredService<WorkflowEngine>());
        services.TryAddScoped<IWorkflowQueries>(sp => sp.GetRequiredService<Queries.WorkflowQueries>());
        services.TryAddScoped<IWorkflowDeployment>(sp => sp.GetRequiredService<WorkflowDeployment>());
        services.TryAddScoped<IWorkflowDrafts, WorkflowDrafts>();
        services.TryAddSingleton<IWorkflowElements, WorkflowElements>();
        services.TryAddSingleton<WorkflowTriggers>();
        services.AddScoped<IRecordSaveHandler, WorkflowSaveHandler>();
        services.TryAddSingleton<WorkflowTimerDispatcher>();
        services.TryAddSingleton<WebhookSender>();
        services.TryAddSingleton<WorkflowWebhookDispatcher>();
        if (timers)
        {
            services.AddHostedService(sp => sp.GetRequiredService<WorkflowTimerDispatcher>());
            services.AddHostedService(sp => sp.GetRequiredService<WorkflowWebhookDispatcher>());
        }

        return services;
    }

    /// <summary>
    /// The engine and its package part when a module asked for them (<see cref="WorkflowEngineRequests.RequestWorkflowEngine"/>);
    /// the host and the command line call it after every module's services.
    /// </summary>
    public static IServiceCollection AddRequestedWorkflowEngine(this IServiceCollection services)
    {
        var request = services.Where(d => d.ServiceType == typeof(WorkflowEngineRequest)).Select(d => d.ImplementationInstance).OfType<WorkflowEngineRequest>().LastOrDefault();
        return request is null ? services : services.AddWorkflowEngine(request.FireTimers).AddWorkflowPackagePart();
    }

    /// <summary>Deploys the <c>workflows/*.bpmn</c> files of app packages, with the package's other parts.</summary>
    public static IServiceCollection AddWorkflowPackagePart(this IServiceCollection services) =>
        services.AddScoped<IAppPackagePart>(sp => sp.GetRequiredService<WorkflowDeployment>());
}
