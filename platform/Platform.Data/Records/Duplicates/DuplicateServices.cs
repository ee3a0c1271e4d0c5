using Microsoft.Extensions.DependencyInjection;
using Platform.Records.Duplicates;

namespace Platform.Data.Records.Duplicates;

/// <summary>Duplicate checks' services: the match keys, the save handler that keeps them and blocks, the finder forms ask.</summary>
public static class DuplicateServices
{
    public static IServiceCollection AddDuplicateChecks(this IServiceCollection services)
    {
        services.AddScoped<DuplicateIndex>();
        services.AddScoped<IRecordSaveHandler, DuplicateChecks>();
        services.AddScoped<IDuplicateFinder, DuplicateFinder>();
        return services;
    }
}
