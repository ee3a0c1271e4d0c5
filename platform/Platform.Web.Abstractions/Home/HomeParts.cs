using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Platform.Web.Home;

/// <summary>A module's part of the home page (a dashboard, a task summary) and where it sits among the others (lowest first).</summary>
public sealed record HomePartRegistration(Type Component, int Order);

public static class HomeParts
{
    /// <summary>Shows <typeparamref name="TPart"/> on everyone's home page, under the welcome; it decides itself what each person sees.</summary>
    public static IServiceCollection AddHomePart<TPart>(this IServiceCollection services, int order = 0) where TPart : IComponent =>
        services.AddSingleton(new HomePartRegistration(typeof(TPart), order));
}
