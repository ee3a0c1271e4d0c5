using Platform.Records.Query.Spreadsheets;
using System.Globalization;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Records;
using Platform.Records.Query;

namespace Platform.DataTransfer.Export;

/// <summary>
/// Writes every record a list query selects ($filter, $orderby, $select — as the list shows them) to
/// an export, a thousand at a time: headings and values in the reader's language, lookups by their
/// title, only the records and fields the reader may see.
/// </summary>
public sealed class RecordExport(IRecordReader reader, string serviceRoot, IReadOnlyDictionary<string, string> options, CultureInfo culture)
{
    /// <summary>The most rows one export holds (a sheet holds 1,048,576).</summary>
    public const int MaxRows = 1_000_000;

    private const int Chunk = RecordQuery.MaxPageSize;

    public IReadOnlyList<RecordColumn> Columns { get; } = RecordColumn.For(reader.Entity,
        options.TryGetValue("$select", out var select) ? [.. select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null, culture, reader.Fields);

    /// <summary>How many records the query selects (checked against <see cref="MaxRows"/> before writing starts).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        (await new RecordQuery(reader, Parser(skip: 0, top: 0, count: true)).RunAsync(cancellationToken)).Count ?? 0;

    public async Task<long> WriteAsync(IExportWriter writer, CancellationToken cancellationToken, Func<long, Task>? progress = null)
    {
        await writer.WriteHeadingsAsync([.. Columns.Select(c => c.Heading)], cancellationToken);
        long written = 0;
        while (true)
        {
            var page = await new RecordQuery(reader, Parser(written, Chunk, count: false)).RunAsync(cancellationToken);
            var titles = await LookupTitles.ForAsync(reader, Columns, page.Rows, cancellationToken);
            foreach (var row in page.Rows)
            {
                await writer.WriteRowAsync([.. Columns.Select(c => c.Display(row.GetValueOrDefault(c.Field.Name), titles.GetValueOrDefault(c.Field.Name) ?? Empty, culture))], cancellationToken);
            }

            written += page.Rows.Count;
            if (progress is not null)
            {
                await progress(written);
            }

            if (page.Rows.Count < Chunk || written >= MaxRows)
            {
                break;
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return written;
    }

    private static readonly Dictionary<Guid, string> Empty = [];

    private ODataUriParser Parser(long skip, int top, bool count)
    {
        var query = options.Where(o => o.Key is "$filter" or "$orderby" or "$search")
            .Append(new("$skip", skip.ToString(CultureInfo.InvariantCulture))).Append(new("$top", top.ToString(CultureInfo.InvariantCulture)));
        return RecordQueries.Parser(reader, serviceRoot, count ? query.Append(new("$count", "true")) : query);
    }
}
