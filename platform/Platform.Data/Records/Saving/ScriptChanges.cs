using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Rules;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Saves one change a script asked for (an after-save rule, a record action) through the record service: a new record under the
/// id its <c>create</c> answered, or an update of the record as it stands now (the script changed it as it was within this run).
/// </summary>
internal static class ScriptChanges
{
    public static async Task<RecordResult> SaveAsync(IRecordStore store, RecordChange change, Actor actor, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        if (change.Id is null)
        {
            return await store.CreateAsync(change.Entity, change.Values, actor, change.NewId, cancellationToken);
        }

        if (!Guid.TryParse(change.Id, out var key) || await store.GetAsync(change.Entity, key, actor: actor, cancellationToken: cancellationToken) is not { } current)
        {
            return RecordResult.Fail(RecordOutcome.NotFound, localizer["Records.Error.NotFound"]);
        }

        return await store.UpdateAsync(change.Entity, key, (int)current[SystemFields.RowVersion]!, change.Values, actor, cancellationToken);
    }
}
