namespace Platform.Data.Records.Saving;

/// <summary>
/// One check a row's values pass on their way into a save, adding what it refuses to
/// <see cref="RowSave.Errors"/>. The checks run in the order <see cref="RowChecks"/> lists them.
/// </summary>
internal interface IRowCheck
{
    Task CheckAsync(RowSave save, CancellationToken cancellationToken);
}
