using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Lookup values must name a live record of their target entity that the actor may read. A record
/// they may not read is answered exactly as a missing one, so ids cannot be probed and no hidden
/// reference can be planted on someone else's record. A value kept unchanged from before is not
/// checked again (a colleague's order may name a customer this actor cannot see).
/// </summary>
internal sealed class CheckLookups(IStringLocalizer localizer) : IRowCheck
{
    public async Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        foreach (var field in save.Entity.LiveFields.Where(f => f.Type == FieldTypes.Lookup.Name && save.Values.ContainsKey(f.Name)))
        {
            if (save.Row.GetValueOrDefault(field.Name) is not Guid id || save.Before?.GetValueOrDefault(field.Name) is Guid kept && kept == id)
            {
                continue;
            }

            var target = save.Schema.Find(field.Target!)!;
            var readable = RecordStore.Covered(save.Records.Set<Dictionary<string, object>>(target.Name), save.Schema, target, save.Actor, RecordAction.Read);
            var exists = await readable
                .AnyAsync(r => EF.Property<Guid>(r, SystemFields.Id) == id && EF.Property<DateTimeOffset?>(r, SystemFields.DeletedAt) == null, cancellationToken);
            if (!exists)
            {
                save.Errors.Add(new(field.Name, localizer["Records.Error.NoSuchTarget", target.Label.For(CultureInfo.CurrentUICulture.Name)]));
            }
        }
    }
}
