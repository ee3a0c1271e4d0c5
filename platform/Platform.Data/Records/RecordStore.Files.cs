using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Fields.Files;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Files;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Checks the files given to attachment and image fields — uploaded by the actor and not yet
    /// attached, or already on this very field of this record; pictures for image fields — and
    /// stores their descriptions. The files then belong to the record (saved in its transaction).
    /// </summary>
    private async Task<List<RecordFieldError>> AttachFilesAsync(EntityDefinition entity, Dictionary<string, object> row, IReadOnlyDictionary<string, object?> values, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new List<RecordFieldError>();
        var recordId = (Guid)row[SystemFields.Id];
        var key = entity.Name.ToLowerInvariant();
        foreach (var field in entity.LiveFields.Where(f => FieldTypes.Find(f.Type)!.HoldsFiles && values.ContainsKey(f.Name)))
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
                    && (file.RecordId is null ? file.UploadedBy == actor.UserId : file.RecordId == recordId && file.EntityKey == key && file.FieldName == field.Name);
                if (!mine)
                {
                    errors.Add(new(field.Name, localizer["Records.Error.NoSuchFile", id]));
                    continue;
                }

                if (field.Type == FieldTypes.Image.Name && !file!.IsImage)
                {
                    errors.Add(new(field.Name, localizer["Records.Error.NotAnImage", file!.Name]));
                    continue;
                }

                (file!.EntityKey, file.RecordId, file.FieldName) = (key, recordId, field.Name);
                described.Add(new() { ["id"] = file.Id, ["name"] = file.Name, ["size"] = file.Size, ["contentType"] = file.ContentType });
            }

            row[field.Name] = JsonSerializer.Serialize(described);
        }

        return errors;
    }

    /// <summary>The stored descriptions of a field's files as a list (id, name, size, content type).</summary>
    internal static List<Dictionary<string, object?>> FilesOf(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        using var json = JsonDocument.Parse(stored);
        return json.RootElement.EnumerateArray().Select(f => new Dictionary<string, object?>
        {
            ["id"] = f.GetProperty("id").GetGuid(),
            ["name"] = f.GetProperty("name").GetString(),
            ["size"] = f.GetProperty("size").GetInt64(),
            ["contentType"] = f.GetProperty("contentType").GetString(),
        }).ToList();
    }
}
