using System.Globalization;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Records;
using Platform.Records.Query;

namespace Platform.Printing.Services;

/// <summary>A record to preview a template on, as the template editor offers them: the newest the designer may read, found by their text.</summary>
public sealed record SampleRecord(Guid Id, string Title);

/// <summary>The records the template editor offers to preview on: the newest of an entity the person may read, narrowed by a text.</summary>
public sealed class SampleRecords(IRecordStore records)
{
    public const int Most = 20;

    public async Task<IReadOnlyList<SampleRecord>> FindAsync(string entityName, string? text, Actor actor, CancellationToken cancellationToken = default)
    {
        await using var reader = await records.OpenReaderAsync(entityName, actor, cancellationToken);
        if (reader is null || reader.Forbidden)
        {
            return [];
        }

        var options = new List<KeyValuePair<string, string>>
        {
            new("$orderby", $"{SystemFields.CreatedAt} desc"),
            new("$top", Most.ToString(CultureInfo.InvariantCulture)),
        };
        if (RecordQueries.Search(reader.Entity, text, fields: reader.Fields) is { } search)
        {
            options.Add(new("$filter", search));
        }

        var page = await new RecordQuery(reader, RecordQueries.Parser(reader, "http://print/odata/", options)).RunAsync(cancellationToken);
        var naming = reader.Entity.NamingField();
        return [.. page.Rows.Select(row => new SampleRecord((Guid)row[SystemFields.Id]!,
            naming is not null && row.GetValueOrDefault(naming.Name) is { } title ? Convert.ToString(title, CultureInfo.InvariantCulture)! : row[SystemFields.Id]!.ToString()!))];
    }
}
