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
        services.TryAddSingleton<GroupedCommits>();
        services.TryAddSingleton<WorkflowScripts>();
        services.TryAddScoped<WorkflowEngine>();
        services.TryAddScoped<WorkflowDeployment>();
        services.TryAddScoped<Queries.WorkflowQueries>();
        services.TryAddSingleton<WorkflowTriggers>();
        services.AddScoped<Platform.Data.Records.IRecordSaveHandler, WorkflowSaveHandler>();
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

    /// <summary>Deploys the <c>workflows/*.bpmn</c> files of app packages, with the package's other parts.</summary>
    public static IServiceCollection AddWorkflowPackagePart(this IServiceCollection services) =>
        services.AddScoped<Platform.Data.Packages.IAppPackagePart>(sp => sp.GetRequiredService<WorkflowDeployment>());
}
