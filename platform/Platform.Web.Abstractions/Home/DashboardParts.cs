using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;

namespace Platform.Web.Home;

/// <summary>
/// A kind of dashboard widget a module draws beside reports — a list of records, the person's tasks — without the dashboard
/// knowing the module. The dashboard hands it the widget's settings, the person looking and the condition its filters put on
/// every widget; it shows only what that person may see.
/// </summary>
public abstract class DashboardPart : ComponentBase
{
    /// <summary>For a list: the entity whose records it shows.</summary>
    [Parameter]
    public string? Entity { get; set; }

    /// <summary>For a list: the saved view (its id, or a package's view file) whose conditions, sort and columns it takes; none for the newest records.</summary>
    [Parameter]
    public string? View { get; set; }

    /// <summary>How many records or tasks it shows at most.</summary>
    [Parameter]
    public int Rows { get; set; } = 8;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The dashboard's filters (a salesperson, a department) as one OData condition on the records shown; null for none.</summary>
    [Parameter]
    public string? Filter { get; set; }
}

/// <summary>A kind of widget (<c>list</c>, <c>tasks</c>), the component that draws it, and whether it needs an entity.</summary>
public sealed record DashboardPartRegistration(string Kind, Type Component, bool NeedsEntity);

public static class DashboardParts
{
    /// <summary>Offers widgets of <paramref name="kind"/> on dashboards, drawn by <typeparamref name="TPart"/>.</summary>
    public static IServiceCollection AddDashboardPart<TPart>(this IServiceCollection services, string kind, bool needsEntity = false) where TPart : DashboardPart =>
        services.AddSingleton(new DashboardPartRegistration(kind, typeof(TPart), needsEntity));
}
