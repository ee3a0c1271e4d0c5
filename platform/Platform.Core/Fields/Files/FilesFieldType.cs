using System.Collections;
using System.Text.Json;
using Platform.Core.Metadata;

namespace Platform.Core.Fields.Files;

/// <summary>
/// Files attached to a record: given as a list of uploaded file ids (or of file descriptions as read
/// back), stored as their descriptions, the bytes in the file store. Not compared, sorted or indexed.
/// </summary>
public abstract class FilesFieldType(string name) : FieldType(name, typeof(string))
{
    public override bool HoldsFiles => true;

    public override bool Wide => true;

    public override FieldSetting Settings => FieldSetting.Required | FieldSetting.Expressions;

    public override object? ReadInput(FieldDefinition field, object input, out FieldProblem? problem)
    {
        var files = FileIdsOf(input);
        problem = files is null ? new FieldProblem($"FieldTypes.Value.Not.{Name}")
            : files.Ids.Count > FileIds.MaxFiles ? new FieldProblem("FieldTypes.Value.TooManyFiles", FileIds.MaxFiles)
            : null;
        return files;
    }

    /// <summary>The file store checks the files themselves when the record is saved.</summary>
    public override FieldProblem? CheckValue(FieldDefinition field, object value) => null;

    private static FileIds? FileIdsOf(object input)
    {
        var ids = new List<Guid>();
        IEnumerable<object?> items = input switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Select(e => (object?)e),
            FileIds given => given.Ids.Cast<object?>(),
            IEnumerable list and not string => list.Cast<object?>(),
            _ => [null],
        };
        foreach (var item in items)
        {
            Guid? id = item switch
            {
                Guid g => g,
                string s when Guid.TryParse(s, out var g) => g,
                JsonElement { ValueKind: JsonValueKind.String } e when Guid.TryParse(e.GetString(), out var g) => g,
                JsonElement { ValueKind: JsonValueKind.Object } e when e.TryGetProperty("id", out var p) && Guid.TryParse(p.GetString(), out var g) => g,
                IReadOnlyDictionary<string, object?> d when d.GetValueOrDefault("id") is { } v && Guid.TryParse(v.ToString(), out var g) => g,
                _ => null,
            };
            if (id is null)
            {
                return null;
            }

            if (!ids.Contains(id.Value))
            {
                ids.Add(id.Value);
            }
        }

        return new FileIds(ids);
    }
}
