using Microsoft.EntityFrameworkCore;
using Platform.Data;

namespace Platform.Stock.Storage;

/// <summary>The stock ledger's tables in the platform's database: entries and bins.</summary>
public sealed class StockTables : IModelPart
{
    /// <summary>Quantities and values: 6 decimals (values are rounded to 4 before they are stored).</summary>
    private static readonly string[] Amounts = ["EnteredQuantity", "Quantity", "CountedQuantity", "QuantityChange", "QuantityAfter", "ValueChange", "ValueAfter"];

    /// <summary>Rates: 9 decimals, as valuation keeps them.</summary>
    private static readonly string[] Rates = ["IncomingRate", "Rate", "ValuationRate"];

    public void Build(ModelBuilder builder)
    {
        builder.Entity<StockLedgerEntry>(entry =>
        {
            entry.ToTable("StockLedgerEntries");
            entry.Property(e => e.VoucherEntity).HasMaxLength(64);
            entry.Property(e => e.VoucherNumber).HasMaxLength(200);
            entry.Property(e => e.Kind).HasMaxLength(20);
            entry.Property(e => e.Unit).HasMaxLength(40);
            entry.Property(e => e.Batch).HasMaxLength(100);
            foreach (var amount in Amounts)
            {
                entry.Property(amount).HasPrecision(28, 6);
            }

            foreach (var rate in Rates)
            {
                entry.Property(rate).HasPrecision(28, 9);
            }

            entry.HasIndex(e => new { e.Item, e.Warehouse, e.IsCancelled, e.PostedAt, e.Id });
            entry.HasIndex(e => new { e.VoucherEntity, e.VoucherId });
            entry.HasIndex(e => e.TransferOf);
        });

        builder.Entity<StockBin>(bin =>
        {
            bin.ToTable("StockBins");
            bin.HasKey(b => new { b.Item, b.Warehouse });
            bin.Property(b => b.Quantity).HasPrecision(28, 6);
            bin.Property(b => b.Value).HasPrecision(28, 6);
            bin.Property(b => b.ValuationRate).HasPrecision(28, 9);
            bin.HasIndex(b => b.Warehouse);
        });
    }
}

/// <summary>The ledger's tables as sets of the platform's context.</summary>
public static class StockTableSets
{
    extension(PlatformDbContext db)
    {
        public DbSet<StockLedgerEntry> StockLedgerEntries => db.Set<StockLedgerEntry>();

        public DbSet<StockBin> StockBins => db.Set<StockBin>();
    }
}
