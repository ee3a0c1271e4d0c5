namespace Platform.Records.Exporting;

/// <summary>Exports written in the background, in the platform's database.</summary>
public interface IExportRunStore
{
    void Add(ExportRun run);

    /// <summary>Saves a run added with <see cref="Add"/> together with whatever else the scope added (its job): one commit for both.</summary>
    Task SaveAsync(CancellationToken cancellationToken = default);

    Task<ExportRun?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>The newest exports <paramref name="userId"/> asked for.</summary>
    Task<IReadOnlyList<ExportRun>> LatestAsync(string userId, int take, CancellationToken cancellationToken = default);

    /// <summary>Marks the run written: its rows and file. False when it had finished already (a run taken up twice keeps the first file).</summary>
    Task<bool> CompleteAsync(Guid runId, long rows, Guid fileId, CancellationToken cancellationToken = default);

    /// <summary>Marks the run failed with the reason.</summary>
    Task FailAsync(Guid runId, string message, CancellationToken cancellationToken = default);
}
