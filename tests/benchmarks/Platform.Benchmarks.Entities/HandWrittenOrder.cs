namespace Platform.Benchmarks.Entities;

/// <summary>The baseline: the same 20 fields and system columns as a hand-written EF Core entity.</summary>
public sealed class HandWrittenOrder
{
    public Guid Id { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
    public string? OwnerId { get; set; }
    public string? DepartmentId { get; set; }
    public int RowVersion { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public string? Code { get; set; }
    public string? T1 { get; set; }
    public string? T2 { get; set; }
    public string? T3 { get; set; }
    public string? T4 { get; set; }
    public long? N1 { get; set; }
    public long? N2 { get; set; }
    public long? N3 { get; set; }
    public decimal? M1 { get; set; }
    public decimal? M2 { get; set; }
    public decimal? M3 { get; set; }
    public decimal? M4 { get; set; }
    public DateOnly? D1 { get; set; }
    public DateOnly? D2 { get; set; }
    public DateTimeOffset? Dt1 { get; set; }
    public bool? B1 { get; set; }
    public bool? B2 { get; set; }
    public string? C1 { get; set; }
    public string? C2 { get; set; }
    public string? E1 { get; set; }
}
