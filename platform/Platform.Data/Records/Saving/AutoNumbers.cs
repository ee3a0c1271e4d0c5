using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>One auto-number field's counter for the period the save falls in.</summary>
internal sealed record AutoNumberCounterOf(FieldDefinition Field, AutoNumberFormat Format, DateOnly Date, string Key);

/// <summary>
/// Numbers a new record's auto-number fields: the counters of the period are made sure of before the
/// save's transaction (two first writers of a period cannot abort each other), the numbers drawn
/// inside it (the counter row's lock keeps concurrent writers in line, and a refused save draws none) —
/// or apart from it for fields that allow gaps.
/// </summary>
internal sealed class AutoNumbers(PlatformDbContext db)
{
    /// <summary>The counters of the entity's auto-number fields for this period, created if missing.</summary>
    public async Task<IReadOnlyList<AutoNumberCounterOf>> PrepareAsync(EntityDefinition entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counters = new List<AutoNumberCounterOf>();
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.Local).DateTime);
        foreach (var field in entity.LiveFields.Where(f => f.Type == FieldTypes.AutoNumber.Name))
        {
            var format = AutoNumberFormat.Parse(field.Format, out _)!;
            var key = $"{entity.Name.ToLowerInvariant()}/{field.Column}/{format.PeriodOf(date)}";
            if (!await db.Set<AutoNumberCounter>().AnyAsync(c => c.Key == key, cancellationToken))
            {
                // Inside a change under way (an import's chunk) the counter is made apart from it, where the database lets one:
                // committed at once, so numbers drawn apart find it, and a second first writer's clash cannot spoil the change.
                if (Apart && db.Database.CurrentTransaction is not null)
                {
                    await using var apart = ApartContext();
                    await EnsureAsync(apart, key, cancellationToken);
                }
                else
                {
                    await EnsureAsync(db, key, cancellationToken);
                }
            }

            counters.Add(new(field, format, date, key));
        }

        return counters;
    }

    private static async Task EnsureAsync(PlatformDbContext context, string key, CancellationToken cancellationToken)
    {
        try
        {
            context.Add(new AutoNumberCounter { Key = key });
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another writer created it first: fine, it exists now.
        }
        finally
        {
            context.ChangeTracker.Clear();
        }
    }

    /// <summary>Whether work can be done on a connection of its own beside the save's (not on SQLite, where it would wait for the save).</summary>
    private bool Apart => db.Database.ProviderName != "Microsoft.EntityFrameworkCore.Sqlite";

    private PlatformDbContext ApartContext() => new((DbContextOptions<PlatformDbContext>)db.GetService<IDbContextOptions>());

    /// <summary>
    /// Draws the next numbers into the row: inside the record's transaction (no gaps: the counter row stays locked until the save
    /// commits), or — for a field that allows gaps, on a database whose writers do not all wait for one another anyway — in a
    /// short transaction of its own, so a long change drawing thousands of numbers never keeps other saves of the entity waiting.
    /// </summary>
    public async Task DrawAsync(Dictionary<string, object> row, IReadOnlyList<AutoNumberCounterOf> counters, CancellationToken cancellationToken)
    {
        foreach (var (field, format, date, key) in counters)
        {
            var number = field.AllowGaps && Apart
                ? await DrawApartAsync(key, cancellationToken)
                : await DrawAsync(db, key, cancellationToken);
            row[field.Name] = format.Format(date, number);
        }
    }

    private async Task<long> DrawApartAsync(string key, CancellationToken cancellationToken)
    {
        await using var apart = ApartContext();
        await using var transaction = await apart.Database.BeginTransactionAsync(cancellationToken);
        var number = await DrawAsync(apart, key, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return number;
    }

    private static async Task<long> DrawAsync(PlatformDbContext db, string key, CancellationToken cancellationToken)
    {
        await db.Set<AutoNumberCounter>().Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
        return await db.Set<AutoNumberCounter>().Where(c => c.Key == key).Select(c => c.Last).SingleAsync(cancellationToken);
    }
}
