using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.RecordPages.Forms;

/// <summary>Where a problem sits: a field (<c>discount</c>) or a line's field (<c>lines[2].quantity</c>).</summary>
public static partial class FieldPath
{
    public static bool TryParseLine(string? path, out string linesField, out int index, out string? field)
    {
        (linesField, index, field) = ("", -1, null);
        if (path is null || LinePath().Match(path) is not { Success: true } match)
        {
            return false;
        }

        linesField = match.Groups["lines"].Value;
        index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        field = match.Groups["field"].Success ? match.Groups["field"].Value : null;
        return true;
    }

    [GeneratedRegex(@"^(?<lines>[A-Za-z][A-Za-z0-9_]*)\[(?<index>\d{1,4})\](\.(?<field>[A-Za-z][A-Za-z0-9_]*))?$")]
    private static partial Regex LinePath();
}
