namespace Platform.Records.Menus;

/// <summary>The app menus packages bring, one per package.</summary>
public interface IAppMenuStore
{
    Task<List<AppMenu>> AllAsync(CancellationToken cancellationToken);

    Task<AppMenu?> FindFromPackageAsync(string source, CancellationToken cancellationToken);

    void Add(AppMenu menu);

    /// <summary>Removes a menu found by <see cref="FindFromPackageAsync"/> (its app uninstalled).</summary>
    void Remove(AppMenu menu);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
