namespace Platform.Data.Records.Duplicates;

/// <summary>A live record's key under one duplicate rule of its entity (kept as records are saved, dropped when deleted).</summary>
public sealed class RecordMatchKey
{
    public long Id { get; set; }

    /// <summary>The entity, lower-case, as the audit trail keys it.</summary>
    public string EntityKey { get; set; } = "";

    public string Rule { get; set; } = "";

    public Guid RecordId { get; set; }

    /// <summary>The normalised values (<see cref="Platform.Core.Records.Duplicates.MatchKeys"/>).</summary>
    public string Key { get; set; } = "";
}

/// <summary>One pair of neighbouring characters of a record's key under a similar rule: how alike names are found fast.</summary>
public sealed class RecordMatchPair
{
    public long Id { get; set; }

    public string EntityKey { get; set; } = "";

    public string Rule { get; set; } = "";

    public string Pair { get; set; } = "";

    public Guid RecordId { get; set; }
}
