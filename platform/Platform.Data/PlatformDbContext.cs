using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Platform.Core.Security;
using Platform.Data.Identity;
using Platform.Data.Records;

namespace Platform.Data;

/// <summary>
/// The platform's own tables: accounts, roles, departments and tokens; entity definitions with their
/// change history; the audit trail (records and administration); records shared with people and departments; duplicate checks' match keys; stored files; saved views,
/// reports, dashboards and menus; and the tables other parts map themselves (<see cref="IModelPart"/>: the workflow engine's). Records of user-defined
/// entities live in tables of their own (<c>e_…</c>), managed by the schema manager, not here.
/// Data-protection keys (which encrypt sign-in cookies) live here too, so every node behind a load
/// balancer shares them.
/// </summary>
public sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options)
    : IdentityDbContext<PlatformUser, PlatformRole, string>(options), IDataProtectionKeyContext, IIdentityTables
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<StoredEntityDefinition> EntityDefinitions => Set<StoredEntityDefinition>();

    public DbSet<SchemaChange> SchemaChanges => Set<SchemaChange>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AutoNumberCounter> AutoNumberCounters => Set<AutoNumberCounter>();

    public DbSet<Platform.Records.Sharing.RecordShare> RecordShares => Set<Platform.Records.Sharing.RecordShare>();

    public DbSet<Records.Duplicates.RecordMatchKey> RecordMatchKeys => Set<Records.Duplicates.RecordMatchKey>();

    public DbSet<Records.Duplicates.RecordMatchPair> RecordMatchPairs => Set<Records.Duplicates.RecordMatchPair>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<SavedView> SavedViews => Set<SavedView>();

    public DbSet<AppMenu> AppMenus => Set<AppMenu>();

    public DbSet<Platform.Records.Reports.SavedReport> SavedReports => Set<Platform.Records.Reports.SavedReport>();

    public DbSet<Notifications.UserNotification> UserNotifications => Set<Notifications.UserNotification>();

    public DbSet<Jobs.BackgroundJob> BackgroundJobs => Set<Jobs.BackgroundJob>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfiguration(new PlatformUserConfiguration());
        builder.ApplyConfiguration(new PlatformRoleConfiguration());
        builder.ApplyConfiguration(new DepartmentConfiguration());
        builder.ApplyConfiguration(new ApiTokenConfiguration());
        builder.ApplyConfiguration(new StoredEntityDefinitionConfiguration());
        builder.ApplyConfiguration(new SchemaChangeConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new AutoNumberCounterConfiguration());
        builder.ApplyConfiguration(new RecordShareConfiguration());
        builder.ApplyConfiguration<Records.Duplicates.RecordMatchKey>(new Records.Duplicates.RecordMatchKeyConfiguration());
        builder.ApplyConfiguration<Records.Duplicates.RecordMatchPair>(new Records.Duplicates.RecordMatchKeyConfiguration());
        builder.ApplyConfiguration(new Files.StoredFileConfiguration());
        builder.ApplyConfiguration(new Files.StoredFileChunkConfiguration());
        builder.ApplyConfiguration(new Views.SavedViewConfiguration());
        builder.ApplyConfiguration(new Menus.AppMenuConfiguration());
        builder.ApplyConfiguration(new Reports.SavedReportConfiguration());
        builder.ApplyConfiguration(new Notifications.UserNotificationConfiguration());
        builder.ApplyConfiguration(new Jobs.BackgroundJobConfiguration());
        builder.ApplyConfiguration<Platform.Records.Importing.ImportRun>(new Importing.ImportRunConfiguration());
        builder.ApplyConfiguration<Platform.Records.Importing.ImportProblem>(new Importing.ImportRunConfiguration());
        builder.ApplyConfiguration(new Exporting.ExportRunConfiguration());
        builder.ApplyConfiguration<Packages.InstalledAppPackage>(new Packages.InstalledAppPackageConfiguration());
        builder.ApplyConfiguration<Packages.AppPackageItem>(new Packages.InstalledAppPackageConfiguration());
        builder.ApplyConfiguration(new Ocr.StoredFormTemplateConfiguration());
        builder.ApplyConfiguration(new Ocr.ScanBatchConfiguration());
        builder.ApplyConfiguration(new Ocr.ScanFileConfiguration());
        builder.ApplyConfiguration(new Ocr.ScannedPageConfiguration());
        builder.ApplyConfiguration(new Ocr.ReadCellConfiguration());
        builder.ApplyConfiguration(new Ocr.CellCorrectionConfiguration());
        foreach (var part in ModelParts.Of(options))
        {
            part.Build(builder);
        }
    }
}
