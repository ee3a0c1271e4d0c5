using System.Globalization;
using Microsoft.Extensions.Localization;
using Platform.Core.Metadata;
using Platform.Records;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Finds the records lookup columns name — by their title (名称) or by any unique text field (a code),
/// in one query per lookup column for the whole file. A name two records share is refused as ambiguous.
/// </summary>
public sealed class LookupResolver(IRecordReader reader, IStringLocalizer text)
{
    private readonly Dictionary<string, Dictionary<string, (Guid? Id, bool Ambiguous)>> _byField = new(StringComparer.Ordinal);

    public async Task LoadAsync(FieldDefinition lookup, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var target = reader.Schema.Find(lookup.Target!) ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoLookupTarget", lookup.Name, lookup.Target ?? "?"]);
        var wanted = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = target.LiveFields.Where(f => f.Name == target.TitleField || (f.Unique && f.Type == FieldTypes.Text.Name)).Select(f => f.Name).ToList();
        var found = new Dictionary<string, (Guid? Id, bool Ambiguous)>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count > 0 && keys.Count > 0)
        {
            foreach (var key in keys)
            {
                foreach (var row in await reader.FindByAsync(target, key, wanted, cancellationToken))
                {
                    var id = (Guid)row[SystemFields.Id]!;
                    if (Convert.ToString(row.GetValueOrDefault(key), CultureInfo.InvariantCulture) is { } value)
                    {
                        found[value] = found.TryGetValue(value, out var seen) && seen.Id != id ? (null, true) : (id, false);
                    }
                }
            }
        }

        _byField[lookup.Name] = found;
    }

    public (object? Value, string? Error) Resolve(FieldDefinition lookup, string name)
    {
        if (Guid.TryParse(name, out var id))
        {
            return (id, null);
        }

        return _byField.GetValueOrDefault(lookup.Name)?.GetValueOrDefault(name.Trim()) switch
        {
            { Ambiguous: true } => (null, text["DataTransfer.Import.Error.AmbiguousLookup", TargetName(lookup), name]),
            { Id: { } found } => (found, null),
            _ => (null, text["DataTransfer.Import.Error.NoSuchLookup", TargetName(lookup), name]),
        };
    }

    /// <summary>The lookup's target entity as the reader calls it (客户, Customer).</summary>
    private string TargetName(FieldDefinition lookup) =>
        reader.Schema.Find(lookup.Target!) is { Label.IsBlank: false } target ? target.Label.For(CultureInfo.CurrentUICulture.Name) : lookup.Target!;
}
