using System.Collections.Concurrent;

namespace Platform.DataTransfer.Import;

/// <summary>How rows already in the entity (found by the key) are treated.</summary>
public enum ImportMode
{
    /// <summary>Only new records; a row whose key exists is a problem.</summary>
    Insert,

    /// <summary>Only existing records; a row whose key is not found is a problem.</summary>
    Update,

    /// <summary>Existing records are updated, the others created.</summary>
    Upsert,
}

/// <summary>
/// One import as it runs and after: progress for the progress bar, counts, every problem by row, and
/// whether anything was kept (all-or-nothing imports keep nothing when a row fails).
/// </summary>
public sealed class ImportJob(Guid id, string entity, string startedBy, int total, bool skipBadRows)
{
    private readonly ConcurrentQueue<ImportError> _errors = new();
    private int _processed;

    public Guid Id { get; } = id;

    public string Entity { get; } = entity;

    public string StartedBy { get; } = startedBy;

    public int Total { get; } = total;

    public bool SkipBadRows { get; } = skipBadRows;

    public int Processed => _processed;

    public int Inserted { get; set; }

    public int Updated { get; set; }

    /// <summary>running, completed, rolledBack (all-or-nothing and some row failed) or failed (with <see cref="Message"/>).</summary>
    public string Status { get; set; } = "running";

    public string? Message { get; set; }

    public IReadOnlyList<ImportError> Errors => [.. _errors.OrderBy(e => e.Row)];

    /// <summary>Rows with at least one problem.</summary>
    public int FailedRows => _errors.Select(e => e.Row).Distinct().Count();

    public void Advance(int rows) => Interlocked.Add(ref _processed, rows);

    public void Fail(IEnumerable<ImportError> errors)
    {
        foreach (var error in errors)
        {
            _errors.Enqueue(error);
        }
    }
}

/// <summary>The imports of this host by id (progress is polled here; the records themselves are in the database).</summary>
public sealed class ImportJobs
{
    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    public ImportJob Add(ImportJob job)
    {
        _jobs[job.Id] = job;
        return job;
    }

    public ImportJob? Find(Guid id) => _jobs.GetValueOrDefault(id);
}
