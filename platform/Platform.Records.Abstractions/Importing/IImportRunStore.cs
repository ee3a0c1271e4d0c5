namespace Platform.Records.Importing;

/// <summary>
/// Imports in the platform's database. Progress and problems are written in the transaction of the rows they describe
/// (<see cref="RecordAsync"/> inside the record transaction), so a chunk of rows and the
/// note that it is done are committed together or not at all.
/// </summary>
public interface IImportRunStore
{
    /// <summary>True where a long write transaction makes every other writer wait (SQLite): progress is then not written while one is open.</summary>
    bool WritersWaitForEachOther { get; }

    void Add(ImportRun run);

    Task<ImportRun?> FindAsync(Guid id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes how far the run is with the problems of the rows just dealt with; joins the transaction under way, so it holds
    /// only if they do. False, writing nothing, when the run is no longer at <paramref name="processedBefore"/> rows: another
    /// run of the same import (on a host that took it up meanwhile) moved it on, and this one must undo its chunk and stop.
    /// </summary>
    Task<bool> RecordAsync(Guid runId, int processedBefore, ImportCounts counts, IReadOnlyCollection<ImportProblem> problems, CancellationToken cancellationToken = default);

    /// <summary>Marks the run finished: <see cref="ImportRunStates.Completed"/>, <see cref="ImportRunStates.RolledBack"/> or <see cref="ImportRunStates.Failed"/> with the reason.</summary>
    Task FinishAsync(Guid runId, string status, string? message, CancellationToken cancellationToken = default);

    /// <summary>The problems in row order; at most <paramref name="take"/> of them when given.</summary>
    Task<IReadOnlyList<ImportProblem>> ProblemsAsync(Guid runId, int? take = null, CancellationToken cancellationToken = default);

    /// <summary>Saves a run added with <see cref="Add"/> (and whatever else the scope added, e.g. its job).</summary>
    Task SaveAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets the problems of an earlier attempt (an all-or-nothing run starts again from its first row).</summary>
    Task ForgetProblemsAsync(Guid runId, CancellationToken cancellationToken = default);

    /// <summary>Files of imports that have not finished (they are read again when the import is taken up again).</summary>
    Task<IReadOnlyList<Guid>> FilesInUseAsync(CancellationToken cancellationToken = default);
}

/// <summary>How far an import is: rows dealt with, and of them created, updated and refused.</summary>
public sealed record ImportCounts(int Processed, int Inserted, int Updated, int FailedRows);
