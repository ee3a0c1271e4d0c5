using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Platform.Abstractions.Modules;
using Platform.Abstractions.Telemetry;

namespace Platform.Web.Telemetry;

/// <summary>
/// OpenTelemetry for the host: metrics of HTTP requests, the runtime, EF Core and the platform's own work (jobs, imports, pages
/// read, workflow steps, timer lag, script failures) on a Prometheus endpoint (<c>/metrics</c>, for holders of
/// <see cref="OperationsPermissions.Metrics"/>); traces of requests, database commands and jobs, sent to an OpenTelemetry
/// collector when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Each host names itself (<see cref="HostInstance"/>) in both.
/// </summary>
public static class PlatformTelemetryServices
{
    public const string MetricsPath = "/metrics";

    public static IServiceCollection AddPlatformTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var instance = HostInstance.Current;
        services.AddSingleton(instance);
        services.AddPermissions<OperationsPermissions>();
        var collector = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("platform", serviceVersion: typeof(PlatformTelemetryServices).Assembly.GetName().Version?.ToString(), serviceInstanceId: instance.Id))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation()
                    .AddMeter(PlatformTelemetry.Name, "Microsoft.EntityFrameworkCore")
                    .AddPrometheusExporter();
                if (collector)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (collector)
        {
            // Traces only where they go somewhere: a span for every request and every database command costs time.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPlumbing(context.Request.Path))
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(PlatformTelemetry.Name)
                .AddOtlpExporter());
        }

        return services;
    }

    /// <summary>The scrape endpoint, behind authentication and the metrics permission (Prometheus sends an API token as a bearer).</summary>
    public static void MapMetricsEndpoint(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(OperationsPermissions.Metrics);

    /// <summary>Health checks and scrapes are not traced: a balancer asking every 2 s would drown the traces people look for.</summary>
    private static bool IsPlumbing(PathString path) => path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath);
}
