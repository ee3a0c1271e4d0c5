using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;

namespace Platform.Web.Lists;

/// <summary>
/// A piece a module adds to a list's bar of what to do with the selected records — printing them into one PDF — without the list
/// knowing the module. The list hands it the entity, the selected records' ids and the person.
/// </summary>
public abstract class RecordSelectionPart : ComponentBase
{
    [Parameter, EditorRequired]
    public string Entity { get; set; } = "";

    [Parameter, EditorRequired]
    public IReadOnlyCollection<Guid> Selected { get; set; } = [];

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;
}

/// <summary>A module's part of lists' selection bars and where it sits among the others (lowest first).</summary>
public sealed record RecordSelectionPartRegistration(Type Component, int Order);

public static class RecordSelectionParts
{
    /// <summary>Shows <typeparamref name="TPart"/> in every list's bar of selected records.</summary>
    public static IServiceCollection AddRecordSelectionPart<TPart>(this IServiceCollection services, int order = 0) where TPart : RecordSelectionPart =>
        services.AddSingleton(new RecordSelectionPartRegistration(typeof(TPart), order));
}
