using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Packages;
using Platform.Abstractions.Permissions;

namespace Platform.Abstractions.Modules;

/// <summary>One-line registrations a module's startup uses for what it contributes.</summary>
public static class ModuleServiceCollectionExtensions
{
    public static IServiceCollection AddNavigation<TProvider>(this IServiceCollection services)
        where TProvider : class, INavigationProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<INavigationProvider, TProvider>());
        return services;
    }

    public static IServiceCollection AddPermissions<TProvider>(this IServiceCollection services)
        where TProvider : class, IPermissionProvider
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPermissionProvider, TProvider>());
        return services;
    }

    /// <summary>
    /// Registers the documents embedded in <paramref name="assembly"/> under the logical name prefix
    /// <c>package:{packageName}/</c> as the app package <paramref name="packageName"/>.
    /// </summary>
    public static IServiceCollection AddEmbeddedAppPackage(this IServiceCollection services, Assembly assembly, string packageName)
    {
        services.AddSingleton<IAppPackageDocumentSource>(new EmbeddedAppPackageSource(assembly, packageName));
        return services;
    }
}
