using Microsoft.Extensions.DependencyInjection;

namespace Platform.Web.Forms;

/// <summary>A module's part of record forms and where it sits among the others (lowest first).</summary>
public sealed record RecordFormPartRegistration(Type Component, int Order);

public static class RecordFormParts
{
    /// <summary>Shows <typeparamref name="TPart"/> on every saved record's form.</summary>
    public static IServiceCollection AddRecordFormPart<TPart>(this IServiceCollection services, int order = 0) where TPart : RecordFormPart =>
        services.AddSingleton(new RecordFormPartRegistration(typeof(TPart), order));
}
