using Microsoft.EntityFrameworkCore;

namespace Platform.Benchmarks.Stock;

/// <summary>
/// The baseline: stock posting as one would write it by hand for one fixed document type with EF Core — a document row, the bin
/// read and updated with a moving average, one ledger row — in a transaction per document, no metadata, rules or permissions.
/// </summary>
public sealed class HandWrittenStockContext(DbContextOptions<HandWrittenStockContext> options) : DbContext(options)
{
    public DbSet<HandDocument> Documents => Set<HandDocument>();

    public DbSet<HandBin> Bins => Set<HandBin>();

    public DbSet<HandEntry> Entries => Set<HandEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<HandDocument>().ToTable("hand_documents");
        modelBuilder.Entity<HandBin>().ToTable("hand_bins").HasKey(b => new { b.Item, b.Warehouse });
        modelBuilder.Entity<HandEntry>().ToTable("hand_entries").HasIndex(e => new { e.Item, e.Warehouse, e.PostedAt, e.Id });
    }
}

public sealed class HandDocument
{
    public Guid Id { get; set; }

    public string Number { get; set; } = "";

    public DateTime PostedAt { get; set; }

    public bool Submitted { get; set; }
}

public sealed class HandBin
{
    public int Item { get; set; }

    public int Warehouse { get; set; }

    public decimal Quantity { get; set; }

    public decimal Value { get; set; }

    public decimal Rate { get; set; }
}

public sealed class HandEntry
{
    public long Id { get; set; }

    public int Item { get; set; }

    public int Warehouse { get; set; }

    public DateTime PostedAt { get; set; }

    public Guid Document { get; set; }

    public decimal Quantity { get; set; }

    public decimal QuantityAfter { get; set; }

    public decimal ValueAfter { get; set; }

    public decimal Rate { get; set; }
}
