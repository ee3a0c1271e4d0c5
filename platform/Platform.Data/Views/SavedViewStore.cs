using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Views;

/// <summary>
/// The saved views table as the list pages and packages use it: a person's and the shared views of
/// an entity, package views by the file they came from. Rows found for changing are tracked;
/// <see cref="SaveChangesAsync"/> writes what was added, changed or removed.
/// </summary>
public sealed class SavedViewStore(PlatformDbContext db) : ISavedViewStore
{
    /// <summary>The shared views of an entity and those <paramref name="userId"/> saved for themselves.</summary>
    public Task<List<SavedView>> VisibleToAsync(string entityKey, string userId, CancellationToken cancellationToken) =>
        db.SavedViews.AsNoTracking().Where(v => v.EntityKey == entityKey && (v.OwnerId == null || v.OwnerId == userId)).ToListAsync(cancellationToken);

    public Task<List<SavedView>> SharedAsync(CancellationToken cancellationToken) =>
        db.SavedViews.AsNoTracking().Where(v => v.OwnerId == null).ToListAsync(cancellationToken);

    public Task<SavedView?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.SavedViews.SingleOrDefaultAsync(v => v.Id == id, cancellationToken);

    /// <summary>The shared view a package file defined for an entity.</summary>
    public Task<SavedView?> FindFromPackageAsync(string entityKey, string source, CancellationToken cancellationToken) =>
        db.SavedViews.SingleOrDefaultAsync(v => v.EntityKey == entityKey && v.OwnerId == null && v.Source == source, cancellationToken);

    public Task<bool> PackageViewExistsAsync(string source, CancellationToken cancellationToken) =>
        db.SavedViews.AnyAsync(v => v.Source == source && v.OwnerId == null, cancellationToken);

    /// <summary>The ids of the views packages defined, by the file they came from.</summary>
    public Task<Dictionary<string, Guid>> PackageViewIdsAsync(CancellationToken cancellationToken) =>
        db.SavedViews.AsNoTracking().Where(v => v.Source != null && v.OwnerId == null).ToDictionaryAsync(v => v.Source!, v => v.Id, cancellationToken);

    public void Add(SavedView view) => db.SavedViews.Add(view);

    public void Remove(SavedView view) => db.SavedViews.Remove(view);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
