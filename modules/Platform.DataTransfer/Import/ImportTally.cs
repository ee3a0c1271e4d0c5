using Platform.Abstractions.Telemetry;
using Platform.Records.Importing;

namespace Platform.DataTransfer.Import;

/// <summary>What one chunk of rows came to: records created and updated, and the problems of the rows refused.</summary>
internal sealed class ImportTally
{
    public int Inserted { get; set; }

    public int Updated { get; set; }

    public List<ImportProblem> Problems { get; } = [];

    public int FailedRows => Problems.Select(p => p.Row).Distinct().Count();

    public void Fail(IEnumerable<ImportError> errors) =>
        Problems.AddRange(errors.Select(e => new ImportProblem { Row = e.Row, Heading = e.Heading, Field = e.Field, Message = e.Message }));

    /// <summary>Tells the platform's metrics what this chunk kept and refused (once it is committed).</summary>
    public void Count()
    {
        PlatformTelemetry.ImportRows.Add(Inserted + Updated, new KeyValuePair<string, object?>("outcome", "kept"));
        PlatformTelemetry.ImportRows.Add(FailedRows, new KeyValuePair<string, object?>("outcome", "refused"));
    }

    /// <summary>The counts after this chunk of <paramref name="rows"/> rows, from the counts before it.</summary>
    public ImportCounts After(ImportCounts before, int rows) =>
        new(before.Processed + rows, before.Inserted + Inserted, before.Updated + Updated, before.FailedRows + FailedRows);
}
