namespace Platform.Data.Records;

/// <summary>
/// The last loaded schema and the stamp (entity keys and versions) it was loaded at. Every read
/// still asks the database for the stamp — one small query — so a change made by another node is
/// seen at once; only the documents are not parsed again.
/// </summary>
public sealed class SchemaCache
{
    private Entry? _last;

    public bool TryGet(string stamp, out RecordsSchema schema)
    {
        var last = Volatile.Read(ref _last);
        schema = last?.Schema ?? RecordsSchema.Empty;
        return last?.Stamp == stamp;
    }

    public void Set(string stamp, RecordsSchema schema) => Volatile.Write(ref _last, new Entry(stamp, schema));

    /// <summary>Drops the schema read, for after a rolled-back change (a package's dry run) whose stamp may come again with other documents.</summary>
    public void Forget() => Volatile.Write(ref _last, null);

    private sealed record Entry(string Stamp, RecordsSchema Schema);
}
