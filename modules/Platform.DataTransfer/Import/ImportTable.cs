using Microsoft.Extensions.Localization;
namespace Platform.DataTransfer.Import;

/// <summary>
/// The rows of an uploaded sheet: its headings and, per row, the cells as read (text, or for .xlsx a
/// number, date or yes/no) with their spreadsheet row number for error reports.
/// </summary>
public sealed record ImportTable(IReadOnlyList<string> Headings, IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> Warnings);

/// <summary>One row: its number in the file (2 for the first row under the headings) and its cells by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyList<object?> Cells);

/// <summary>The file cannot be imported at all (not a spreadsheet, protected, empty, too large): the message says what and how to fix it.</summary>
public sealed class ImportFileException(string message) : Exception(message)
{
    /// <summary>The entity to import into does not exist (answered 404 rather than 400).</summary>
    public bool NoSuchEntity { get; init; }
}

/// <summary>Reads an uploaded .xlsx or .csv into an <see cref="ImportTable"/>, telling apart what it cannot read.</summary>
public static class ImportFile
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxRows = 200_000;

    public static ImportTable Read(Stream content, string fileName, IStringLocalizer text)
    {
        var head = new byte[8];
        var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        if (read == 0)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.Empty"]);
        }

        if (read >= 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.Protected"]);
        }

        if (read >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4)
        {
            return XlsxTableReader.Read(content, text);
        }

        if (Path.GetExtension(fileName).ToLowerInvariant() is ".csv" or ".txt" || LooksLikeText(head.AsSpan(0, read)))
        {
            return CsvTableReader.Read(content, text);
        }

        throw new ImportFileException(text["DataTransfer.Import.Error.NotSpreadsheet"]);
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        foreach (var b in head)
        {
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses a table without headings or rows, and trims trailing empty rows and columns.</summary>
    internal static ImportTable Checked(List<string> headings, List<ImportRow> rows, List<string> warnings, IStringLocalizer text)
    {
        while (headings.Count > 0 && string.IsNullOrWhiteSpace(headings[^1]))
        {
            headings.RemoveAt(headings.Count - 1);
        }

        if (headings.Count == 0)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.NoHeadings"]);
        }

        rows.RemoveAll(r => r.Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s))));
        if (rows.Count == 0)
        {
            throw new ImportFileException(text["DataTransfer.Import.Error.NoRows"]);
        }

        return new ImportTable(headings, rows, warnings);
    }

    internal static ImportFileException TooManyRows(IStringLocalizer text) => new(text["DataTransfer.Import.Error.TooManyRows", MaxRows]);
}
