using Microsoft.EntityFrameworkCore;
using Platform.Core.Metadata;

namespace Platform.Data.Records;

public sealed partial class RecordStore
{
    /// <summary>
    /// Counters of the entity's auto-number fields for this period, created if missing. Creating
    /// happens before the record's transaction so a race between two first writers of a period
    /// cannot abort it; the numbers themselves are drawn inside it.
    /// </summary>
    private async Task<List<(FieldDefinition Field, AutoNumberFormat Format, DateOnly Date, string Key)>> PrepareCountersAsync(EntityDefinition entity, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var counters = new List<(FieldDefinition, AutoNumberFormat, DateOnly, string)>();
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

            counters.Add((field, format, date, key));
        }

        return counters;
    }

    /// <summary>Draws the next numbers inside the record's transaction; the row lock keeps concurrent writers in line.</summary>
    private async Task DrawNumbersAsync(Dictionary<string, object> row, List<(FieldDefinition Field, AutoNumberFormat Format, DateOnly Date, string Key)> counters, CancellationToken cancellationToken)
    {
        foreach (var (field, format, date, key) in counters)
        {
            await db.Set<AutoNumberCounter>().Where(c => c.Key == key).ExecuteUpdateAsync(s => s.SetProperty(c => c.Last, c => c.Last + 1), cancellationToken);
            var number = await db.Set<AutoNumberCounter>().Where(c => c.Key == key).Select(c => c.Last).SingleAsync(cancellationToken);
            row[field.Name] = format.Format(date, number);
        }
    }
}
