using System.Globalization;
using Platform.Core.Fields;
using Platform.Core.Metadata;
using Platform.Records.People;

namespace Platform.Records.Query;

/// <summary>
/// Records as people read them, field by field: choice labels, money with two decimals, the titles of looked-up records, people
/// and departments by name, files by name — for a record shown beside a task, or two shown side by side to be merged.
/// </summary>
public static class RecordText
{
    /// <summary>Each record's <paramref name="fields"/> as text (empty for no value), one dictionary per record, in order.</summary>
    public static async Task<List<Dictionary<string, string>>> ShowAsync(IRecordReader reader, IReadOnlyList<IReadOnlyDictionary<string, object?>> records,
        IReadOnlyList<FieldDefinition> fields, IPeopleDirectory people, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var titles = await LookupTitles.ForAsync(reader, fields.Select(f => new RecordColumn(f, "")), records, cancellationToken);
        var users = await people.UserNamesAsync(KeysOf(fields, records, FieldTypes.User), cancellationToken);
        var departments = await people.DepartmentNamesAsync(KeysOf(fields, records, FieldTypes.Department), cancellationToken);
        return [.. records.Select(record => fields.ToDictionary(f => f.Name, f => Shown(f, record.GetValueOrDefault(f.Name), titles, users, departments, culture), StringComparer.Ordinal))];
    }

    private static string Shown(FieldDefinition field, object? value, Dictionary<string, Dictionary<Guid, string>> titles,
        Dictionary<string, string> users, Dictionary<string, string> departments, CultureInfo culture) => value switch
    {
        null => "",
        Guid id when field.Kind == FieldTypes.Lookup => titles.GetValueOrDefault(field.Name)?.GetValueOrDefault(id) ?? id.ToString(),
        string id when field.Kind == FieldTypes.User => users.GetValueOrDefault(id) ?? id,
        string id when field.Kind == FieldTypes.Department => departments.GetValueOrDefault(id) ?? id,
        IEnumerable<IReadOnlyDictionary<string, object?>> files => string.Join("、", files.Select(f => f.GetValueOrDefault("name"))),
        _ => FieldText.Of(field, value, culture),
    };

    private static List<string> KeysOf(IReadOnlyList<FieldDefinition> fields, IReadOnlyList<IReadOnlyDictionary<string, object?>> records, FieldType kind) =>
        [.. fields.Where(f => f.Kind == kind).SelectMany(f => records.Select(r => r.GetValueOrDefault(f.Name))).OfType<string>().Distinct()];
}
