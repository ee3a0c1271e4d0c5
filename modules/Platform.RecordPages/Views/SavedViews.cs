using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Views;

namespace Platform.RecordPages.Views;

/// <summary>A view as a list offers it: saved ones carry their id; shared ones belong to everyone.</summary>
public sealed record ListView(Guid Id, ViewDefinition Definition, bool Shared, bool Mine);

/// <summary>
/// The views saved for an entity's list: each user's own, and the shared ones, which only people
/// allowed to define entities may save or delete. A view is checked against the entity first.
/// </summary>
public sealed class SavedViews(IServiceScopeFactory scopes)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The shared views, then the user's own, each by label.</summary>
    public async Task<IReadOnlyList<ListView>> ListAsync(string entity, string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = entity.ToLowerInvariant();
        var saved = await scope.ServiceProvider.GetRequiredService<ISavedViewStore>().VisibleToAsync(key, userId, cancellationToken);
        return [.. saved.OrderBy(v => v.OwnerId is not null).ThenBy(v => v.Label, StringComparer.CurrentCulture)
            .Select(v => new ListView(v.Id, Read(v), v.OwnerId is null, v.OwnerId == userId))];
    }

    /// <summary>Saves a view (a new one when <paramref name="id"/> is null); answers its id, or the problems that stop it.</summary>
    public async Task<(Guid? Id, IReadOnlyList<ViewProblemException> Problems)> SaveAsync(
        string entityName, Guid? id, ViewDefinition view, bool shared, Actor actor, bool mayShare, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var schema = await scope.ServiceProvider.GetRequiredService<ISchemaManager>().LoadSchemaAsync(cancellationToken);
        if (schema.Find(entityName) is not { } entity)
        {
            return (null, [new("RecordPages.Views.Error.NoEntity", entityName)]);
        }

        if (shared && !mayShare)
        {
            return (null, [new("RecordPages.Views.Error.MayNotShare")]);
        }

        var problems = ViewCheck.Problems(entity, view);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var store = scope.ServiceProvider.GetRequiredService<ISavedViewStore>();
        var row = id is null ? null : await store.FindAsync(id.Value, cancellationToken);
        if (id is not null && (row is null || !MayChange(row, actor.UserId, mayShare)))
        {
            return (null, [new("RecordPages.Views.Error.NotYours")]);
        }

        if (row is null)
        {
            row = new SavedView { Id = Guid.NewGuid(), EntityKey = entity.Name.ToLowerInvariant() };
            store.Add(row);
        }

        row.OwnerId = shared ? null : actor.UserId;
        row.Label = view.Label.Trim();
        row.Definition = JsonSerializer.Serialize(view, Json);
        row.UpdatedAt = DateTimeOffset.UtcNow;
        row.UpdatedBy = actor.Name;
        await store.SaveChangesAsync(cancellationToken);
        return (row.Id, []);
    }

    /// <summary>Deletes a view the user may change; false when there is none such.</summary>
    public async Task<bool> DeleteAsync(Guid id, Actor actor, bool mayShare, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ISavedViewStore>();
        var row = await store.FindAsync(id, cancellationToken);
        if (row is null || !MayChange(row, actor.UserId, mayShare))
        {
            return false;
        }

        store.Remove(row);
        await store.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static bool MayChange(SavedView view, string userId, bool mayShare) => view.OwnerId is null ? mayShare : view.OwnerId == userId;

    private static ViewDefinition Read(SavedView view) => JsonSerializer.Deserialize<ViewDefinition>(view.Definition, Json) ?? new ViewDefinition { Label = view.Label };
}
