using System.Globalization;
using System.Text;

namespace Platform.Records.Query.Spreadsheets;

/// <summary>
/// CSV as Excel opens it: UTF-8 with a byte-order mark (so Chinese is not garbled), commas, fields
/// quoted when they hold a comma, quote or line break, and cells that start with = + - @ prefixed with
/// an apostrophe so a spreadsheet never runs them as formulas.
/// </summary>
public sealed class CsvExportWriter(Stream stream) : IExportWriter
{
    private readonly StreamWriter _writer = new(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };

    public string ContentType => "text/csv; charset=utf-8";

    public string Extension => "csv";

    public Task WriteHeadingsAsync(IReadOnlyList<string> headings, CancellationToken cancellationToken) => WriteRowAsync(headings, cancellationToken);

    public async Task WriteRowAsync(IReadOnlyList<object?> values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                await _writer.WriteAsync(',');
            }

            await _writer.WriteAsync(Field(values[i]));
        }

        await _writer.WriteLineAsync();
    }

    public async Task CompleteAsync(CancellationToken cancellationToken) => await _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static string Field(object? value)
    {
        var text = PlainText.Of(value);
        if (value is string && text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
