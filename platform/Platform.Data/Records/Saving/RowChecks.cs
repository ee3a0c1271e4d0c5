using Microsoft.Extensions.Localization;

namespace Platform.Data.Records.Saving;

/// <summary>
/// The checks a row's values pass, in order: each value converted by its field kind
/// (<see cref="ConvertValues"/>), secured fields the actor may not change refused (<see cref="CheckFieldRights"/>), files attached (<see cref="AttachFiles"/>), lookups pointing at
/// readable records (<see cref="CheckLookups"/>), people and departments that exist
/// (<see cref="CheckPeople"/>), and — for a record, not a line, once everything else holds — an
/// owner or department within the actor's reach (<see cref="CheckAssignment"/>).
/// Lines follow (<see cref="SaveLines"/>, which runs these same checks for every line), then rules.
/// </summary>
internal sealed class RowChecks(PlatformDbContext db, RecordValueConverter converter, IStringLocalizer localizer)
{
    private readonly IReadOnlyList<IRowCheck> _values =
        [new ConvertValues(converter, localizer), new CheckFieldRights(localizer), new AttachFiles(db, localizer), new CheckLookups(localizer), new CheckPeople(db, localizer)];

    private readonly CheckAssignment _assignment = new(db, localizer);

    private readonly CheckDocumentStatus _status = new(localizer);

    /// <summary>The checks of a line's values: the record's, but for owner and department, which lines take from their record.</summary>
    public IReadOnlyList<IRowCheck> OfLine => _values;

    /// <summary>The checks of a record's values, in the order they run.</summary>
    public IReadOnlyList<IRowCheck> OfRecord => [.. _values, _status, _assignment];

    public Task RecordAsync(RowSave save, CancellationToken cancellationToken) => RunAsync(OfRecord, save, cancellationToken);

    public Task LineAsync(RowSave save, CancellationToken cancellationToken) => RunAsync(OfLine, save, cancellationToken);

    private static async Task RunAsync(IReadOnlyList<IRowCheck> checks, RowSave save, CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            await check.CheckAsync(save, cancellationToken);
        }
    }
}
