using Platform.Records.Ocr;

namespace Platform.OcrCapture.Proofreading;

/// <summary>
/// Vertical proofreading (纵向校对): one field's cells across a batch, grouped by what they read, confirmed or
/// corrected one or many at a time. Every change is kept with who, when, from and to.
/// </summary>
public sealed class ProofreadingService(IScanBatchStore store, TimeProvider clock)
{
    /// <summary>At most this many cells in one confirmation.</summary>
    public const int MostCells = 5000;

    public const int MostValueLength = 400;

    public async Task<IReadOnlyList<ProofreadingGroup>> GroupsAsync(Guid batchId, string field, CancellationToken cancellationToken) =>
        ProofreadingGroup.Of(await store.CellsOfFieldAsync(batchId, field, cancellationToken));

    /// <summary>Confirms the cells as they read.</summary>
    public Task<int> AcceptAsync(Guid batchId, IReadOnlyCollection<long> cells, string userId, string how, CancellationToken cancellationToken) =>
        ConfirmAsync(batchId, cells, correct: false, null, userId, how, cancellationToken);

    /// <summary>Sets the cells to <paramref name="value"/> (blank: empty) and confirms them.</summary>
    public Task<int> CorrectAsync(Guid batchId, IReadOnlyCollection<long> cells, string? value, string userId, string how, CancellationToken cancellationToken)
    {
        var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return trimmed is { Length: > MostValueLength }
            ? throw new CaptureRefusedException("OcrCapture.Error.ValueTooLong", MostValueLength)
            : ConfirmAsync(batchId, cells, correct: true, trimmed, userId, how, cancellationToken);
    }

    private async Task<int> ConfirmAsync(Guid batchId, IReadOnlyCollection<long> cells, bool correct, string? value, string userId, string how, CancellationToken cancellationToken)
    {
        if (cells.Count is 0 or > MostCells)
        {
            throw new CaptureRefusedException("OcrCapture.Error.CellCount", MostCells);
        }

        var touched = await store.ConfirmAsync(batchId, cells, correct, value, userId, how, clock.GetUtcNow(), cancellationToken);
        return touched == cells.Distinct().Count() ? touched : throw new CaptureRefusedException("OcrCapture.Error.CellsNotInBatch");
    }
}
