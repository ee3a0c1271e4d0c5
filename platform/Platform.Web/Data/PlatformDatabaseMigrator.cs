using Microsoft.EntityFrameworkCore;
using Platform.Data;
using Platform.Data.Configuration;

namespace Platform.Web.Data;

/// <summary>Brings the platform tables up to the latest migration of the configured provider.</summary>
public static class PlatformDatabaseMigrator
{
    public static async Task MigrateAsync(PlatformDbContext db, DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        // Migrate() diffs the model against the snapshot on every call (about a second of start-up);
        // asking for pending migrations first only reads the history table.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        await settings.Provider.PrepareAsync(db, cancellationToken);
    }
}
