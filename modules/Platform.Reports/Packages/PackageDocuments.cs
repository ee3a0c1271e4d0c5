using Platform.Records.Reports;

namespace Platform.Reports.Packages;

/// <summary>What the reports and dashboards parts of a package have in common: a shared row found again by its package file, written only when its definition changed.</summary>
internal sealed class PackageDocuments(ISavedReportStore store, string kind)
{
    public List<string> Created { get; } = [];

    public List<string> Changed { get; } = [];

    public List<string> Unchanged { get; } = [];

    public async Task PutAsync(string path, string definition, string label, string? entityKey, string changedBy, CancellationToken cancellationToken)
    {
        var stored = await store.FindFromPackageAsync(kind, path, cancellationToken);
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
