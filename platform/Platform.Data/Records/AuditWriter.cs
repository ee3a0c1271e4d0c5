using Microsoft.EntityFrameworkCore;

namespace Platform.Data.Records;

/// <summary>Writes audit entries with one prepared statement per save (every save writes at least one, so this is on the hot path).</summary>
internal static class AuditWriter
{
    public static Task WriteAsync(PlatformDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        PreparedInsert.RunAsync(db, db.Model.FindEntityType(typeof(AuditEntry))!, entries, (entry, property) => property.GetGetter().GetClrValue(entry), cancellationToken);
}
