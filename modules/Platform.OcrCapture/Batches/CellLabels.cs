using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Platform.Ocr.Templates;

namespace Platform.OcrCapture.Batches;

/// <summary>A batch's cells named for people: the template's label in the user's language, with the row for line items ("数量 · 第 3 行").</summary>
public sealed partial class CellLabels(FormTemplate template, IStringLocalizer text)
{
    private readonly Dictionary<string, PlacedCell> _placed = template.PlacedCells().ToDictionary(p => p.Path, StringComparer.Ordinal);

    /// <summary>The label of a field (<c>qty_m</c>), the same in every row.</summary>
    public static string Of(CellTemplate cell)
    {
        var culture = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "zh-CN" : "en";
        return cell.Label.GetValueOrDefault(culture) ?? cell.Label.Values.FirstOrDefault() ?? cell.Field;
    }

    /// <summary>A cell by its path (<c>lines[2].qty_m</c>), or a whole row (<c>lines[2]</c>); the path itself when the template has no such place.</summary>
    public string For(string path)
    {
        if (_placed.TryGetValue(path, out var placed))
        {
            return placed.Row is { } row ? text["OcrCapture.Batch.CellInRow", Of(placed.Cell), row + 1] : Of(placed.Cell);
        }

        return WholeRow().Match(path) is { Success: true } whole ? text["OcrCapture.Batch.Row", int.Parse(whole.Groups[1].Value, CultureInfo.InvariantCulture) + 1] : path;
    }

    [GeneratedRegex(@"^\w+\[(\d+)\]$")]
    private static partial Regex WholeRow();
}
