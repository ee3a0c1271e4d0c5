using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Platform.Core.Fields.Files;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>
/// Checks the files given to attachment and image fields — uploaded by the actor and not yet
/// attached, or already on this very field of this record; pictures for image fields — and stores
/// their descriptions. The files then belong to the record (saved in its transaction).
/// </summary>
internal sealed class AttachFiles(PlatformDbContext db, IStringLocalizer localizer) : IRowCheck
{
    public async Task CheckAsync(RowSave save, CancellationToken cancellationToken)
    {
        var (entity, row) = (save.Entity, save.Row);
        var recordId = (Guid)row[SystemFields.Id];
        var key = entity.Name.ToLowerInvariant();
        foreach (var field in entity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HoldsFiles && save.Values.ContainsKey(f.Name)))
        {
            if (row.GetValueOrDefault(field.Name) is not FileIds given)
            {
                continue;
            }

            if (given.Ids.Count == 0)
            {
                row[field.Name] = null!;
                continue;
            }

            var ids = given.Ids.ToList();
            var files = await db.StoredFiles.Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, cancellationToken);
            var described = new List<Dictionary<string, object>>();
            foreach (var id in ids)
            {
                var mine = files.TryGetValue(id, out var file)
                    && (file.RecordId is null ? file.UploadedBy == save.Actor.UserId : file.RecordId == recordId && file.EntityKey == key && file.FieldName == field.Name);
                if (!mine)
                {
                    save.Errors.Add(new(field.Name, localizer["Records.Error.NoSuchFile", id]));
                    continue;
                }

                if (field.Type == FieldTypes.Image.Name && !file!.IsImage)
                {
                    save.Errors.Add(new(field.Name, localizer["Records.Error.NotAnImage", file!.Name]));
                    continue;
                }

                (file!.EntityKey, file.RecordId, file.FieldName) = (key, recordId, field.Name);
                described.Add(new() { ["id"] = file.Id, ["name"] = file.Name, ["size"] = file.Size, ["contentType"] = file.ContentType });
            }

            row[field.Name] = JsonSerializer.Serialize(described);
        }
    }
}
