using Microsoft.EntityFrameworkCore;
using Platform.Records.Reports;

namespace Platform.Data.Reports;

/// <summary>The saved reports table as the reports module and packages use it.</summary>
public sealed class SavedReportStore(PlatformDbContext db) : ISavedReportStore
{
    public Task<List<SavedReport>> VisibleToAsync(string kind, string userId, CancellationToken cancellationToken) =>
        db.SavedReports.AsNoTracking().Where(r => r.Kind == kind && (r.OwnerId == null || r.OwnerId == userId)).ToListAsync(cancellationToken);

    public Task<List<SavedReport>> SharedAsync(string kind, CancellationToken cancellationToken) =>
        db.SavedReports.AsNoTracking().Where(r => r.Kind == kind && r.OwnerId == null).ToListAsync(cancellationToken);

    public Task<SavedReport?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.SavedReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<SavedReport?> FindFromPackageAsync(string kind, string source, CancellationToken cancellationToken) =>
        db.SavedReports.SingleOrDefaultAsync(r => r.Kind == kind && r.OwnerId == null && r.Source == source, cancellationToken);

    public void Add(SavedReport report) => db.SavedReports.Add(report);

    public void Remove(SavedReport report) => db.SavedReports.Remove(report);

    public Task SaveChangesAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);
}
