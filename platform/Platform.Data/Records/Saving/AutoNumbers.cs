using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records.Saving;

/// <summary>One auto-number field's counter for the period the save falls in.</summary>
internal sealed record AutoNumberCounterOf(FieldDefinition Field, AutoNumberFormat Format, DateOnly Date, string Key);

/// <summary>
/// Numbers a new record's auto-number fields: the counters of the period are made sure of before the
/// save's transaction (two first writers of a period cannot abort each other), the numbers drawn
/// inside it (the counter row's lock keeps concurrent writers in line, and a refused save draws none).
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
                try
                {
                    db.Add(new AutoNumberCounter { Key = key });
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another writer created it first: fine, it exists now.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }

            counters.Add(new(field, format, date, key));
        }

        return counters;
    }

    /// <summary>Draws the next numbers into the row, inside the record's transaction.</summary>
    public async Task DrawAsync(Dictionary<string, object> row, IReadOnlyList<AutoNumberCounterOf> counters, CancellationToken cancellationToken)
    {
        foreach (var (field, format, date, key) in counters)
        {
            await db.Set<AutoNumberCounter>().Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
            var number = await db.Set<AutoNumberCounter>().Where(c => c.Key == key).Select(c => c.Last).SingleAsync(cancellationToken);
            row[field.Name] = format.Format(date, number);
        }
    }
}
