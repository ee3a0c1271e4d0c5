using Microsoft.EntityFrameworkCore;

namespace Platform.Benchmarks.Entities;

public sealed class HandWrittenContext(DbContextOptions<HandWrittenContext> options) : DbContext(options)
{
    public DbSet<HandWrittenOrder> Orders => Set<HandWrittenOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var order = modelBuilder.Entity<HandWrittenOrder>();
        order.ToTable("hand_orders");
        order.Property(o => o.RowVersion).IsConcurrencyToken();
        order.Property(o => o.Code).HasMaxLength(40);
        order.HasIndex(o => o.Code).IsUnique();
        foreach (var money in new[] { nameof(HandWrittenOrder.M1), nameof(HandWrittenOrder.M2), nameof(HandWrittenOrder.M3), nameof(HandWrittenOrder.M4) })
        {
            order.Property(money).HasPrecision(19, 4);
        }
    }
}
