using Microsoft.EntityFrameworkCore;
using Platform.Data.Records;
using Platform.Data.Records.Saving;

namespace Platform.Data.Tests.Records;

public sealed class RowChecksTests
{
    [Fact]
    public void A_record_is_converted_its_secured_fields_guarded_then_its_files_lookups_people_and_document_status_checked_and_last_its_owner()
    {
        var checks = Checks();

        Assert.Equal([typeof(ConvertValues), typeof(CheckFieldRights), typeof(AttachFiles), typeof(CheckLookups), typeof(CheckPeople), typeof(CheckDocumentStatus), typeof(CheckAssignment)],
            checks.OfRecord.Select(c => c.GetType()));
    }

    [Fact]
    public void A_line_passes_the_same_checks_but_the_owner_which_it_takes_from_its_record()
    {
        var checks = Checks();

        Assert.Equal(checks.OfRecord.Take(5), checks.OfLine);
    }

    /// <summary>The checks as the record service builds them; none of them touches the database until it runs.</summary>
    private static RowChecks Checks()
    {
        var text = new SaveCheckBench.KeyText();
        var db = new PlatformDbContext(new DbContextOptionsBuilder<PlatformDbContext>().UseSqlite("Data Source=:memory:").Options);
        return new RowChecks(db, new RecordValueConverter(text), text);
    }
}
