using Microsoft.Extensions.Localization;
using System.Text;

namespace Platform.DataTransfer.Import;

/// <summary>
/// CSV as people's tools write it: UTF-8 (with or without a byte-order mark) or, failing that, GB18030
/// (Chinese Excel's default); comma, semicolon or tab, whichever the heading row uses; quoted fields
/// with doubled quotes and line breaks inside.
/// </summary>
internal static class CsvTableReader
{
    private static readonly char[] Delimiters = [',', ';', '\t'];

    public static ImportTable Read(Stream content, IStringLocalizer text)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var textOf = Decode(buffer.ToArray());
        var firstLine = textOf[..(textOf.IndexOf('\n') is var n and >= 0 ? n : textOf.Length)];
        var delimiter = Delimiters.OrderByDescending(d => firstLine.Count(c => c == d)).First();
        var records = Parse(content: textOf, delimiter, text);
        if (records.Count == 0)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.Empty"]);
        }

        if (records.Count - 1 > ImportFile.MaxRows)
        {
            throw ImportFile.TooManyRows(text);
        }

        var rows = records.Skip(1).Select((cells, i) => new ImportRow(i + 2, cells.Cast<object?>().ToList())).ToList();
        return ImportFile.Checked([.. records[0].Select(h => h.Trim())], rows, [], text);
    }

    private static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
        {
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    private static List<List<string>> Parse(string content, char delimiter, IStringLocalizer messages)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                if (records.Count > ImportFile.MaxRows + 1)
                {
                    throw ImportFile.TooManyRows(messages);
                }
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }

        return records;
    }
}
