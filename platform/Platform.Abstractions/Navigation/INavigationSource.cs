namespace Platform.Abstractions.Navigation;

/// <summary>
/// Contributes menu entries that live in the database (the menus app packages define), read each
/// time a menu is built; registered by the module that owns them.
/// </summary>
public interface INavigationSource
{
    Task<IEnumerable<NavigationItem>> GetItemsAsync(CancellationToken cancellationToken = default);
}
