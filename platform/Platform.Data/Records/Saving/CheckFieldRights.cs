using Microsoft.Extensions.Localization;
using Platform.Core.Records;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Refuses values sent for secured fields the actor may not change: any value for a field they may not see (even its current
/// one — accepting that would tell them they guessed it), and a changed value for a field they may only read (sending it
/// unchanged is harmless: they see it). Defaults, formulas and the platform's own writes are not the actor's and pass.
/// </summary>
internal sealed class CheckFieldRights(IStringLocalizer localizer) : IRowCheck
{
    public Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        var fields = FieldAccess.Of(save.Entity, save.Actor.Rights);
        if (fields.IsOpen)
        {
            return Task.CompletedTask;
        }

        foreach (var name in save.Values.Keys)
        {
            if (save.Entity.LiveField(name) is not { } field || fields.MayChange(field.Name))
            {
                continue;
            }

            if (!fields.MayRead(field.Name))
            {
                Refuse(save, field.Name, "Records.Error.FieldHidden");
            }
            else if (field.Type == Core.Metadata.FieldTypes.Lines.Name || !Equals(save.Row.GetValueOrDefault(field.Name), save.Before?.GetValueOrDefault(field.Name)))
            {
                Refuse(save, field.Name, "Records.Error.FieldReadOnly");
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The field's refusal replaces whatever an earlier check said of its value: the right comes first.</summary>
    private void Refuse(RowSave save, string field, string key)
    {
        save.Errors.RemoveAll(e => e.Field == field);
        save.Errors.Add(new(field, localizer[key]));
    }
}
