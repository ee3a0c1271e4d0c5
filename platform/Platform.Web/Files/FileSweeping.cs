using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.Data.Files;

namespace Platform.Web.Files;

/// <summary>Every <see cref="FileStoreSettings.SweepInterval"/>, removes uploads left unattached longer than <see cref="FileStoreSettings.OrphanGrace"/>.</summary>
internal sealed class FileSweeping(IServiceScopeFactory scopes, FileStoreSettings settings, TimeProvider clock, ILogger<FileSweeping> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.SweepInterval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.SweepInterval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var removed = await scope.ServiceProvider.GetRequiredService<FileSweeper>().SweepAsync(settings.OrphanGrace, stoppingToken);
                if (removed > 0)
                {
                    logger.LogInformation("Removed {Count} uploads left unattached for more than {Grace}.", removed, settings.OrphanGrace);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Unattached uploads could not be removed; trying again at the next sweep.");
            }
        }
    }
}
