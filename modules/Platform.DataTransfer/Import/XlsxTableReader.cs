using Microsoft.Extensions.Localization;
using System.Globalization;
using System.IO.Packaging;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.DataTransfer.Import;

/// <summary>A cell the reader could not turn into a value (an Excel error such as #DIV/0!, a formula never calculated).</summary>
public sealed record CellProblem(string Message);

/// <summary>
/// The first sheet of an .xlsx, read row by row (a large sheet is never loaded whole): shared and
/// inline strings, numbers, yes/no, and numbers formatted as dates turned into dates. Formulas give
/// their last calculated value, with a warning; Excel errors (#N/A…) become cell problems.
/// </summary>
internal static class XlsxTableReader
{
    private static readonly HashSet<uint> BuiltInDateFormats = [14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58];

    public static ImportTable Read(Stream content, IStringLocalizer text)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(content, false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.Damaged"]);
        }

        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoSheets"]);
            var sheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new ImportFileException(text["DataTransfer.Import.Error.NoSheets"]);
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
            var dateStyles = DateStyles(workbook.WorkbookStylesPart?.Stylesheet);
            var headings = new List<string>();
            var rows = new List<ImportRow>();
            var formulas = new List<string>();
            var first = true;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
                {
                    continue;
                }

                var row = (Row)reader.LoadCurrentElement()!;
                var cells = new List<object?>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                    while (cells.Count < column)
                    {
                        cells.Add(null);
                    }

                    if (cell.CellFormula is not null && formulas.Count < 5)
                    {
                        formulas.Add(cell.CellReference?.Value ?? "?");
                    }

                    cells.Add(Value(cell, strings, dateStyles, text));
                }

                if (first)
                {
                    headings.AddRange(cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture)?.Trim() ?? ""));
                    first = false;
                    continue;
                }

                if (rows.Count >= ImportFile.MaxRows)
                {
                    throw ImportFile.TooManyRows(text);
                }

                rows.Add(new ImportRow((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 2)), cells));
            }

            var warnings = formulas.Count == 0 ? new List<string>()
                : [text["DataTransfer.Import.Warning.Formulas", string.Join(", ", formulas) + (formulas.Count == 5 ? ", …" : "")]];
            return ImportFile.Checked(headings, rows, warnings, text);
        }
    }

    private static object? Value(Cell cell, List<string> strings, HashSet<uint> dateStyles, IStringLocalizer text)
    {
        var value = cell.CellValue?.Text;
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (value is null)
        {
            return cell.CellFormula is not null ? new CellProblem(text["DataTransfer.Import.Error.FormulaNotCalculated", cell.CellReference?.Value ?? "?"]) : null;
        }

        if (type == CellValues.SharedString)
        {
            return int.TryParse(value, CultureInfo.InvariantCulture, out var index) && index < strings.Count ? strings[index] : null;
        }

        if (type == CellValues.Boolean)
        {
            return value == "1";
        }

        if (type == CellValues.Error)
        {
            return new CellProblem(text["DataTransfer.Import.Error.ExcelError", cell.CellReference?.Value ?? "?", value]);
        }

        if (type == CellValues.String)
        {
            return value;
        }

        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        if (cell.StyleIndex?.Value is { } style && dateStyles.Contains(style) && number is > -657435 and < 2958466)
        {
            var at = DateTime.FromOADate(number);
            return at.TimeOfDay == TimeSpan.Zero ? DateOnly.FromDateTime(at) : at;
        }

        return decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var exact) ? exact : number;
    }

    /// <summary>The style indexes whose number format shows a date.</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var custom = styles?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId is not null && IsDateCode(f.FormatCode?.Value))
            .Select(f => f.NumberFormatId!.Value).ToHashSet() ?? [];
        var result = new HashSet<uint>();
        var index = 0u;
        foreach (var format in styles?.CellFormats?.Elements<CellFormat>() ?? [])
        {
            if (format.NumberFormatId?.Value is { } id && (BuiltInDateFormats.Contains(id) || custom.Contains(id)))
            {
                result.Add(index);
            }

            index++;
        }

        return result;
    }

    private static bool IsDateCode(string? code)
    {
        if (code is null)
        {
            return false;
        }

        // Drop quoted text and [colour]/[$-locale] parts, then look for day, month or year codes.
        var plain = System.Text.RegularExpressions.Regex.Replace(code, "\"[^\"]*\"|\\[[^\\]]*\\]", "");
        return plain.IndexOfAny(['y', 'd', 'Y', 'D']) >= 0 || plain.Contains('年', StringComparison.Ordinal) || plain.Contains('日', StringComparison.Ordinal);
    }

    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
