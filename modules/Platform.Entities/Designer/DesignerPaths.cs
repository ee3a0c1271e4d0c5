using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Entities.Designer;

/// <summary>Which part of the designer a metadata problem belongs to, from its JSON path (<c>$.fields[3].formula</c>).</summary>
public static partial class DesignerPaths
{
    /// <summary>The index of the field a path points into; null for problems of the entity as a whole.</summary>
    public static int? FieldIndex(string path) =>
        FieldPath().Match(path) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^\$\.fields\[(\d{1,4})\]")]
    private static partial Regex FieldPath();
}
