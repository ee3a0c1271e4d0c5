using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Platform.Records.Query.Spreadsheets;

/// <summary>
/// An .xlsx workbook of one sheet, streamed row by row into a temporary file (the package format needs
/// a seekable stream), then copied to the response: numbers as numbers, dates as dates, headings bold
/// and the heading row frozen.
/// </summary>
public sealed class XlsxExportWriter : IExportWriter
{
    private const uint DateStyle = 1;
    private const uint DateTimeStyle = 2;
    private const uint HeadingStyle = 3;
    private const uint PercentStyle = 4;

    private readonly Stream _target;
    private readonly FileStream _file;
    private readonly SpreadsheetDocument _document;
    private readonly WorksheetPart _sheet;
    private readonly OpenXmlWriter _writer;
    private readonly string _sheetName;

    public XlsxExportWriter(Stream target, string sheetName)
    {
        _target = target;
        _sheetName = SafeSheetName(sheetName);
        _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _document = SpreadsheetDocument.Create(_file, SpreadsheetDocumentType.Workbook);
        var workbook = _document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        _sheet = workbook.AddNewPart<WorksheetPart>();
        _writer = OpenXmlWriter.Create(_sheet);
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen }) { WorkbookViewId = 0 }));
        _writer.WriteStartElement(new SheetData());
    }

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public string Extension => "xlsx";

    public Task WriteHeadingsAsync(IReadOnlyList<string> headings, CancellationToken cancellationToken)
    {
        _writer.WriteStartElement(new Row());
        foreach (var heading in headings)
        {
            _writer.WriteElement(new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(heading)), StyleIndex = HeadingStyle });
        }

        _writer.WriteEndElement();
        return Task.CompletedTask;
    }

    public Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        _writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            _writer.WriteElement(CellOf(value));
        }

        _writer.WriteEndElement();
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _writer.WriteEndElement(); // sheetData
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        var workbook = _document.WorkbookPart!;
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = workbook.GetIdOfPart(_sheet), SheetId = 1, Name = _sheetName }));
        _document.Dispose();
        _file.Position = 0;
        await _file.CopyToAsync(_target, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _document.Dispose();
        await _file.DisposeAsync();
    }

    private static Cell CellOf(object? value) => value switch
    {
        null => new Cell(),
        Share share => new Cell { CellValue = new CellValue(Convert.ToDouble(share.Fraction, CultureInfo.InvariantCulture)), DataType = CellValues.Number, StyleIndex = PercentStyle },
        decimal or long or int or double or float => new Cell { CellValue = new CellValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)), DataType = CellValues.Number },
        DateOnly date => new Cell { CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate()), StyleIndex = DateStyle },
        DateTimeOffset at => new Cell { CellValue = new CellValue(at.UtcDateTime.ToOADate()), StyleIndex = DateTimeStyle },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(PlainText.Of(value)) { Space = SpaceProcessingModeValues.Preserve }) },
    };

    /// <summary>Default, date (yyyy-mm-dd), date and time, bold heading, per cent.</summary>
    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 2 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 10, ApplyNumberFormat = true }) { Count = 5 }); // 10: Excel's built-in 0.00%

    private static string SafeSheetName(string name)
    {
        var safe = new string([.. name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]).Trim('\'');
        return safe.Length == 0 ? "Sheet1" : safe[..Math.Min(31, safe.Length)];
    }
}
