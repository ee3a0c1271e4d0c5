namespace Platform.Records.Reports;

/// <summary>The saved reports and dashboards: a person's own and the shared ones, package ones by their file. Rows found for changing are tracked.</summary>
public interface ISavedReportStore
{
    /// <summary>The shared ones of a kind and those <paramref name="userId"/> saved for themselves, untracked.</summary>
    Task<List<SavedReport>> VisibleToAsync(string kind, string userId, CancellationToken cancellationToken);

    /// <summary>Every shared one of a kind (an app's, not a person's own), untracked.</summary>
    Task<List<SavedReport>> SharedAsync(string kind, CancellationToken cancellationToken);

    Task<SavedReport?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The shared one an app package file defined.</summary>
    Task<SavedReport?> FindFromPackageAsync(string kind, string source, CancellationToken cancellationToken);

    void Add(SavedReport report);

    void Remove(SavedReport report);

    Task SaveChangesAsync(CancellationToken cancellationToken);
}
