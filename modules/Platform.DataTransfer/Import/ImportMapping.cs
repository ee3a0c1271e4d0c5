using Microsoft.Extensions.Localization;
using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Records;

namespace Platform.DataTransfer.Import;

/// <summary>
/// Which field each column fills: given by the person, or matched by heading — the field's name or its
/// label in either language (编码 or Code), ignoring case, spaces and a trailing * for required. A
/// field the importer may not see is never filled: a heading naming it is ignored, a mapping to it refused.
/// </summary>
public sealed record ImportMapping(IReadOnlyList<(int Column, string Heading, FieldDefinition Field)> Columns, IReadOnlyList<string> Ignored, IReadOnlyList<FieldDefinition> MissingRequired)
{
    /// <summary>Fields an import cannot fill: lines, files, computed values and auto-numbers come from elsewhere.</summary>
    public static bool Importable(FieldDefinition field) =>
        field.Kind is { HasColumn: true, HoldsFiles: false, SetByPlatform: false };

    public static ImportMapping For(EntityDefinition entity, IReadOnlyList<string> headings, IReadOnlyDictionary<string, string>? given, IStringLocalizer text, FieldAccess fields)
    {
        var columns = new List<(int, string, FieldDefinition)>();
        var ignored = new List<string>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headings.Count; i++)
        {
            var heading = headings[i];
            FieldDefinition? field;
            if (given is not null && given.TryGetValue(heading, out var name))
            {
                field = string.IsNullOrEmpty(name) ? null : entity.LiveField(name) ?? throw new ImportFileException(text["DataTransfer.Import.Error.BadMapping", heading, name, entity.Name]);
                if (field is not null && !fields.MayRead(field.Name))
                {
                    throw new ImportFileException(text["DataTransfer.Import.Error.HiddenField", heading, name]);
                }
            }
            else
            {
                var key = Normal(heading);
                field = entity.LiveFields.FirstOrDefault(f => fields.MayRead(f.Name) && (Normal(f.Name) == key || f.Label.Values.Any(l => Normal(l) == key)));
            }

            if (field is null || !Importable(field) || !taken.Add(field.Name))
            {
                ignored.Add(heading);
                continue;
            }

            columns.Add((i, heading, field));
        }

        var missing = entity.LiveFields.Where(f => f.Required && f.Default is null && Importable(f) && !taken.Contains(f.Name)).ToList();
        return new ImportMapping(columns, ignored, missing);
    }

    private static string Normal(string text) => text.Trim().TrimEnd('*', '＊').Trim().Replace(" ", "", StringComparison.Ordinal).ToLower(CultureInfo.InvariantCulture);
}
