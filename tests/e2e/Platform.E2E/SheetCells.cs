using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.E2E;

/// <summary>What a downloaded .xlsx holds, as the tests compare it with the page.</summary>
internal static class SheetCells
{
    /// <summary>The first sheet's rows, each cell as text (numbers in invariant form), empty cells as "".</summary>
    public static List<string[]> Read(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var sheet = document.WorkbookPart!.WorksheetParts.First().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.DataType?.Value == CellValues.InlineString
            ? c.InlineString!.InnerText
            : c.CellValue?.Text is { Length: > 0 } number ? double.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) : "").ToArray())];
    }
}
