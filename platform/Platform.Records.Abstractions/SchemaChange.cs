namespace Platform.Records;

/// <summary>One applied change to an entity: who, when, the definition before and after, and the SQL it ran.</summary>
public sealed class SchemaChange
{
    public long Id { get; set; }

    public string EntityKey { get; set; } = "";

    public int Version { get; set; }

    public string? Before { get; set; }

    public string After { get; set; } = "";

    public string Sql { get; set; } = "";

    public DateTimeOffset ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";
}
