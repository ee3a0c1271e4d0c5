using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Web.Forms;

/// <summary>
/// The editor of a list's conditions (field, operator, value as the form edits it), offered to pages of other modules — a
/// report's filter — without them knowing the module that draws it. The conditions are changed in place; applying hands over
/// the same conditions as one OData <c>$filter</c> (null when there are none), only once every condition reads.
/// </summary>
public abstract class ConditionsEditor : ComponentBase
{
    [Parameter, EditorRequired]
    public EntityDefinition Entity { get; set; } = default!;

    /// <summary>The conditions being edited, changed in place.</summary>
    [Parameter, EditorRequired]
    public List<ViewCondition> Conditions { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>Called when the user applies conditions that all read, with them as one OData filter.</summary>
    [Parameter]
    public EventCallback<string?> Apply { get; set; }
}

/// <summary>The component that edits conditions, as a module registered it.</summary>
public sealed record ConditionsEditorRegistration(Type Component);

public static class ConditionsEditors
{
    /// <summary>Offers <typeparamref name="TEditor"/> wherever conditions on records are edited.</summary>
    public static IServiceCollection AddConditionsEditor<TEditor>(this IServiceCollection services) where TEditor : ConditionsEditor =>
        services.AddSingleton(new ConditionsEditorRegistration(typeof(TEditor)));
}
