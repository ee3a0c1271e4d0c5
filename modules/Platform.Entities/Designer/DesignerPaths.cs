using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Entities.Designer;

/// <summary>Where in the designer a metadata problem belongs (from its JSON path, <c>$.fields[3].formula</c>) and how it reads in the reader's language.</summary>
public static partial class DesignerPaths
{
    /// <summary>The index of the field a path points into; null for problems of the entity as a whole.</summary>
    public static int? FieldIndex(string path) =>
        FieldPath().Match(path) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A metadata problem in the reader's language (<c>Metadata.{code}</c> with its arguments); the English message when it has no code or text.</summary>
    public static string Text(Platform.Core.Metadata.MetadataError problem, Microsoft.Extensions.Localization.IStringLocalizer text)
    {
        if (problem.Code is { } code && text[$"Metadata.{code}", [.. problem.Arguments.Select(a => a ?? "")]] is { ResourceNotFound: false } localized)
        {
            return localized;
        }

        return problem.Message;
    }

    [GeneratedRegex(@"^\$\.fields\[(\d{1,4})\]")]
    private static partial Regex FieldPath();
}
