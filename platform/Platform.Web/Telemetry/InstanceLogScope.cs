using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.Web.Telemetry;

/// <summary>Puts the host's name into the logging scope of every request, beside the request and trace ids ASP.NET Core adds, so a line in a cluster's merged logs says where it came from.</summary>
internal sealed class InstanceLogScope(RequestDelegate next, HostInstance instance, ILogger<InstanceLogScope> logger)
{
    private readonly Dictionary<string, object> _scope = new() { ["Instance"] = instance.Id };

    public async Task InvokeAsync(HttpContext context)
    {
        using (logger.BeginScope(_scope))
        {
            await next(context);
        }
    }
}
