using Platform.Core.Metadata;
using Platform.Core.Security;

namespace Platform.Data.Records.Saving;

/// <summary>What the platform writes on every row it saves: who made it and when, who changed it last, and its row version.</summary>
internal static class RowStamps
{
    /// <summary>A new row: a fresh id, made and last changed by <paramref name="actor"/> at <paramref name="now"/>, version 1.</summary>
    public static Dictionary<string, object> New(Actor actor, DateTimeOffset now) => new()
    {
        [SystemFields.Id] = Guid.NewGuid(),
        [SystemFields.CreatedAt] = now, [SystemFields.CreatedBy] = actor.UserId,
        [SystemFields.UpdatedAt] = now, [SystemFields.UpdatedBy] = actor.UserId,
        [SystemFields.RowVersion] = 1,
    };

    /// <summary>
    /// Marks a changed row: changed by <paramref name="actor"/> at <paramref name="now"/>, one version
    /// on — and written only while the stored version is still <paramref name="expectedRowVersion"/>.
    /// </summary>
    public static void Changed(RecordsDbContext records, Dictionary<string, object> row, int expectedRowVersion, Actor actor, DateTimeOffset now)
    {
        row[SystemFields.UpdatedAt] = now;
        row[SystemFields.UpdatedBy] = actor.UserId;
        row[SystemFields.RowVersion] = expectedRowVersion + 1;
        // The UPDATE carries "WHERE row_version = expected": a writer who got there first makes it match no row.
        records.Entry(row).Property(SystemFields.RowVersion).OriginalValue = expectedRowVersion;
    }
}
