using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Menus;

/// <summary>The menus app packages define, by the file they came from; <see cref="SaveChangesAsync"/> writes those added or changed.</summary>
public sealed class AppMenuStore(PlatformDbContext db) : IAppMenuStore
{
    public Task<List<AppMenu>> AllAsync(CancellationToken cancellationToken) =>
        db.AppMenus.AsNoTracking().OrderBy(m => m.Source).ToListAsync(cancellationToken);

    public Task<AppMenu?> FindFromPackageAsync(string source, CancellationToken cancellationToken) =>
        db.AppMenus.SingleOrDefaultAsync(m => m.Source == source, cancellationToken);

    public void Add(AppMenu menu) => db.AppMenus.Add(menu);

    public void Remove(AppMenu menu) => db.AppMenus.Remove(menu);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
