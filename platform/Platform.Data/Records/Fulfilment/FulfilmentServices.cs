using Microsoft.Extensions.DependencyInjection;

namespace Platform.Data.Records.Fulfilment;

/// <summary>Fulfilment between documents: the save handler that keeps delivered, received and billed figures with their sources.</summary>
public static class FulfilmentServices
{
    public static IServiceCollection AddFulfilment(this IServiceCollection services)
    {
        services.AddScoped<IRecordSaveHandler, FulfilmentHandler>();
        return services;
    }
}
