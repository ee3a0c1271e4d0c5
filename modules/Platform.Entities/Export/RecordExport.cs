using System.Globalization;
using Microsoft.OData.UriParser;
using Platform.Core.Metadata;
using Platform.Data.Records;
using Platform.Entities.OData;

namespace Platform.Entities.Export;

/// <summary>
/// Writes every record a list query selects ($filter, $orderby, $select — as the list shows them) to
/// an export, a thousand at a time: headings and values in the reader's language, lookups by their
/// title, only the records and fields the reader may see.
/// </summary>
public sealed class RecordExport(RecordReader reader, string serviceRoot, IReadOnlyDictionary<string, string> options, CultureInfo culture)
{
    /// <summary>The most rows one export holds (a sheet holds 1,048,576).</summary>
    public const int MaxRows = 1_000_000;

    private const int Chunk = RecordQuery.MaxPageSize;

    public IReadOnlyList<ExportColumn> Columns { get; } = ExportColumn.For(reader.Entity,
        options.TryGetValue("$select", out var select) ? [.. select.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : null, culture);

    /// <summary>How many records the query selects (checked against <see cref="MaxRows"/> before writing starts).</summary>
    public async Task<long> CountAsync(CancellationToken cancellationToken) =>
        (await new RecordQuery(reader, Parser(skip: 0, top: 0, count: true)).RunAsync(cancellationToken)).Count ?? 0;

    public async Task<long> WriteAsync(IExportWriter writer, CancellationToken cancellationToken)
    {
        await writer.WriteHeadingsAsync([.. Columns.Select(c => c.Heading)], cancellationToken);
        long written = 0;
        while (true)
        {
            var page = await new RecordQuery(reader, Parser(written, Chunk, count: false)).RunAsync(cancellationToken);
            var titles = await TitlesAsync(page.Rows, cancellationToken);
            foreach (var row in page.Rows)
            {
                await writer.WriteRowAsync([.. Columns.Select(c => c.Display(row.GetValueOrDefault(c.Field.Name), titles.GetValueOrDefault(c.Field.Name) ?? Empty, culture))], cancellationToken);
            }

            written += page.Rows.Count;
            if (page.Rows.Count < Chunk || written >= MaxRows)
            {
                break;
            }
        }

        await writer.CompleteAsync(cancellationToken);
        return written;
    }

    private static readonly Dictionary<Guid, string> Empty = [];

    /// <summary>The titles of the records the page's lookups point at, one query per lookup column.</summary>
    private async Task<Dictionary<string, Dictionary<Guid, string>>> TitlesAsync(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, Dictionary<Guid, string>>(StringComparer.Ordinal);
        foreach (var column in Columns.Where(c => c.Field.Type == FieldTypes.Lookup.Name))
        {
            var target = reader.Schema.Find(column.Field.Target!);
            var ids = rows.Select(r => r.GetValueOrDefault(column.Field.Name)).OfType<Guid>().Distinct().ToList();
            if (target is null || ids.Count == 0)
            {
                continue;
            }

            var found = await reader.FindManyAsync(target, ids, cancellationToken);
            var title = target.TitleField ?? target.LiveFields.FirstOrDefault(f => f.Type == FieldTypes.Text.Name)?.Name;
            titles[column.Field.Name] = found.ToDictionary(p => p.Key, p => Convert.ToString(title is null ? p.Key : p.Value.GetValueOrDefault(title) ?? p.Key, CultureInfo.InvariantCulture)!);
        }

        return titles;
    }

    private ODataUriParser Parser(long skip, int top, bool count)
    {
        var query = options.Where(o => o.Key is "$filter" or "$orderby" or "$search").Select(o => $"{o.Key}={Uri.EscapeDataString(o.Value)}")
            .Append($"$skip={skip}").Append($"$top={top}");
        if (count)
        {
            query = query.Append("$count=true");
        }

        return new ODataUriParser(EdmModelFactory.For(reader.Schema), new Uri(serviceRoot), new Uri($"{serviceRoot}{reader.Entity.Name}?{string.Join("&", query)}"))
        {
            Resolver = new ODataUriResolver { EnableCaseInsensitive = true },
        };
    }
}
