using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>
/// A submittable document's status and the document it amends are set by submitting, cancelling and amending only: a save that
/// sends another value for them (the API, an import, a script, a workflow) is refused at the field. Sending the value it has is fine.
/// </summary>
internal sealed class CheckDocumentStatus(IStringLocalizer localizer) : IRowCheck
{
    public Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        if (!save.Entity.Submittable || save.DocumentStep)
        {
            return Task.CompletedTask;
        }

        foreach (var field in new[] { DocumentStatus.Field, DocumentStatus.AmendedFrom })
        {
            var was = save.Before is { } before ? before.GetValueOrDefault(field) : field == DocumentStatus.Field ? DocumentStatus.Draft : null;
            if (save.Values.ContainsKey(field) && save.Accepted(field) && !Equals(save.Row.GetValueOrDefault(field) ?? (save.Creating && field == DocumentStatus.Field ? DocumentStatus.Draft : null), was))
            {
                save.Errors.Add(new(field, localizer["Records.Document.Error.StatusSet"]));
            }
        }

        return Task.CompletedTask;
    }
}
