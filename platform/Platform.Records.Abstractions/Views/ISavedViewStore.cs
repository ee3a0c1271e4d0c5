namespace Platform.Records.Views;

/// <summary>Saved list views: a person's own and the shared ones (from packages or an administrator).</summary>
public interface ISavedViewStore
{
    /// <summary>The shared views of the entity and the ones <paramref name="userId"/> owns, untracked.</summary>
    Task<List<SavedView>> VisibleToAsync(string entityKey, string userId, CancellationToken cancellationToken);

    /// <summary>Every shared view (an app's, not a person's own), untracked.</summary>
    Task<List<SavedView>> SharedAsync(CancellationToken cancellationToken);

    Task<SavedView?> FindAsync(Guid id, CancellationToken cancellationToken);

    Task<SavedView?> FindFromPackageAsync(string entityKey, string source, CancellationToken cancellationToken);

    Task<bool> PackageViewExistsAsync(string source, CancellationToken cancellationToken);

    /// <summary>The id of every view a package brought, by its source name.</summary>
    Task<Dictionary<string, Guid>> PackageViewIdsAsync(CancellationToken cancellationToken);

    void Add(SavedView view);

    void Remove(SavedView view);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
