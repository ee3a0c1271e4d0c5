using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Platform.Data.Records;
using Platform.Data.Records.Saving;

namespace Platform.Data.Tests.Records;

public sealed class RowChecksTests
{
    [Fact]
    public void A_record_is_converted_then_its_files_lookups_and_people_checked_and_last_its_owner()
    {
        var checks = Checks();

        Assert.Equal([typeof(ConvertValues), typeof(AttachFiles), typeof(CheckLookups), typeof(CheckPeople), typeof(CheckAssignment)],
            checks.OfRecord.Select(c => c.GetType()));
    }

    [Fact]
    public void A_line_passes_the_same_checks_but_the_owner_which_it_takes_from_its_record()
    {
        var checks = Checks();

        Assert.Equal(checks.OfRecord.Take(4), checks.OfLine);
    }

    private static RowChecks Checks()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite(connection).Options);
        var text = new Microsoft.Extensions.Localization.StringLocalizer<RowChecksTests>(new Microsoft.Extensions.Localization.ResourceManagerStringLocalizerFactory(
            Microsoft.Extensions.Options.Options.Create(new Microsoft.Extensions.Localization.LocalizationOptions()), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        return new RowChecks(db, new RecordValueConverter(text), text);
    }
}
