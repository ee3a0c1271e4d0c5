using Platform.Records.Reports;

namespace Platform.Reports.Packages;

/// <summary>What the reports and dashboards parts of a package have in common: a shared row found again by its package file, written only when its definition changed.</summary>
internal sealed class PackageDocuments(ISavedReportStore store, string kind, Func<SavedReport, string> exportedPath)
{
    public List<string> Created { get; } = [];

    public List<string> Changed { get; } = [];

    public List<string> Unchanged { get; } = [];

    public async Task PutAsync(string path, string definition, string label, string? entityKey, string changedBy, CancellationToken cancellationToken)
    {
        // One made here and exported is found again by the path export gave it, rather than copied.
        var stored = await store.FindFromPackageAsync(kind, path, cancellationToken)
            ?? ((await store.SharedAsync(kind, cancellationToken)).FirstOrDefault(r => r.Source is null && exportedPath(r) == path) is { } made ? await store.FindAsync(made.Id, cancellationToken) : null);
        if (stored is { Source: null })
        {
            stored.Source = path; // from now on followed by its file, as a dashboard names it
        }

        if (stored is not null && stored.Definition == definition && stored.EntityKey == entityKey)
        {
            Unchanged.Add($"{kind} {path}");
            return;
        }

        if (stored is null)
        {
            stored = new SavedReport { Id = Guid.NewGuid(), Kind = kind, Source = path };
            store.Add(stored);
            Created.Add($"{kind} {path}");
        }
        else
        {
            Changed.Add($"{kind} {path}");
        }

        (stored.EntityKey, stored.Label, stored.Definition, stored.UpdatedAt, stored.UpdatedBy) = (entityKey, label, definition, DateTimeOffset.UtcNow, changedBy);
    }
}
