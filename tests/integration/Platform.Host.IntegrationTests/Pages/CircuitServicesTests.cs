using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Pages;

/// <summary>
/// An interactive page lives as long as its browser tab, and everything it injects lives as long with it. A database context
/// injected there would be one connection for the whole tab, shared by every part of the page: two parts loading at once (a
/// record's history and its share dialog) would use it together, which the context refuses, and the tab's connection to the
/// server would die. So a page reaches the database only through services that open a scope for each call.
/// </summary>
public sealed class CircuitServicesTests
{
    [Fact]
    public async Task No_interactive_page_or_part_holds_a_database_context_for_the_life_of_its_tab()
    {
        await using var host = await PlatformHost.StartAsync("Sqlite");
        await using var scope = host.Services.CreateAsyncScope();
        // As in a tab: the page's address is known before anything it injects is made (Radzen's dialogs listen to it).
        ((IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/");
        var components = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name!.StartsWith("Platform.", StringComparison.Ordinal) && !a.GetName().Name!.EndsWith("Tests", StringComparison.Ordinal))
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !t.IsAbstract && t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)
            .ToList();
        Assert.True(components.Count > 100, $"only {components.Count} components found: the modules' assemblies are not loaded");

        var holding = new List<string>();
        foreach (var component in components)
        {
            foreach (var property in Injected(component))
            {
                var service = scope.ServiceProvider.GetService(property.PropertyType);
                if (service is not null && HoldsDatabaseContext(service, depth: 0, new HashSet<object>(ReferenceEqualityComparer.Instance)))
                {
                    holding.Add($"{component.FullName}.{property.Name} ({property.PropertyType.Name})");
                }
            }
        }

        Assert.True(holding.Count == 0, "These hold a database context for the life of a tab:\n" + string.Join("\n", holding));
    }

    private static IEnumerable<PropertyInfo> Injected(Type component)
    {
        for (var type = component; type is not null && type != typeof(ComponentBase); type = type.BaseType)
        {
            foreach (var property in type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (property.GetCustomAttribute<InjectAttribute>() is not null)
                {
                    yield return property;
                }
            }
        }
    }

    /// <summary>Whether <paramref name="value"/>, or what it keeps in its fields (a few levels down), is a database context.</summary>
    private static bool HoldsDatabaseContext(object value, int depth, HashSet<object> seen)
    {
        if (value is DbContext)
        {
            return true;
        }

        var type = value.GetType();
        if (depth > 5 || type.IsPrimitive || value is string || value is Type || value is Delegate || !seen.Add(value))
        {
            return false;
        }

        if (value is IEnumerable items && type.IsArray)
        {
            return items.Cast<object?>().OfType<object>().Any(item => HoldsDatabaseContext(item, depth + 1, seen));
        }

        if (!Ours(type))
        {
            return false;
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsValueType && field.GetValue(value) is { } kept && HoldsDatabaseContext(kept, depth + 1, seen))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Our own services, and ASP.NET Identity's (its user manager keeps a store that keeps a context).</summary>
    private static bool Ours(Type type) =>
        type.Namespace is { } ns && (ns.StartsWith("Platform", StringComparison.Ordinal) || ns.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal)
                                     || ns.StartsWith("Microsoft.AspNetCore.Authorization", StringComparison.Ordinal));
}
