using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Data;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Entities live in real tables that follow their definitions; changes are atomic and recorded.</summary>
public sealed class SchemaManagerTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<SchemaChangeResult> ApplyAsync(PlatformHost host, EntityDefinition entity, bool dryRun = false) =>
        host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(entity, "admin", dryRun));

    private static Task<List<string>> ColumnsAsync(PlatformHost host, string table) =>
        host.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<PlatformDbContext>();
            var sql = db.Database.ProviderName!.Contains("Sqlite", StringComparison.Ordinal)
                ? $"SELECT name AS \"Value\" FROM pragma_table_info('{table}')"
                : $"SELECT column_name AS \"Value\" FROM information_schema.columns WHERE table_name = '{table}'";
            return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
        });

    private static Task<int> InsertAsync(PlatformHost host, string entity, Dictionary<string, object?> values) =>
        host.InScopeAsync(async s =>
        {
            var schema = await s.GetRequiredService<SchemaManager>().LoadSchemaAsync();
            var db = s.GetRequiredService<PlatformDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var records = s.GetRequiredService<RecordsDbContextFactory>().Create(db.Database.GetDbConnection(), schema);
            var row = new Dictionary<string, object>
            {
                [SystemFields.Id] = Guid.NewGuid(), [SystemFields.CreatedAt] = DateTimeOffset.UtcNow, [SystemFields.CreatedBy] = "test",
                [SystemFields.UpdatedAt] = DateTimeOffset.UtcNow, [SystemFields.UpdatedBy] = "test", [SystemFields.RowVersion] = 1,
            };
            foreach (var (key, value) in values)
            {
                row[key] = value!;
            }

            records.Set<Dictionary<string, object>>(entity).Add(row);
            return await records.SaveChangesAsync();
        });

    private static Task<int> CountAsync(PlatformHost host, string table) =>
        host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Database
#pragma warning disable EF1002 // EF1002: the table name is a constant of the test, not user input.
            .SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync());
#pragma warning restore EF1002

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Creating_an_entity_creates_its_table_with_a_column_per_field_and_the_system_columns(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var result = await ApplyAsync(host, EntitySamples.Product());

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("e_product", result.Definition!.Table);
        var columns = await ColumnsAsync(host, "e_product");
        Assert.Contains("id", columns);
        Assert.Contains("row_version", columns);
        Assert.Contains("created_by", columns);
        Assert.All(EntitySamples.Product().Fields, f => Assert.Contains("f_" + f.Name.ToLowerInvariant(), columns));
        Assert.Contains(result.Sql, s => s.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(result.Sql, s => s.Contains("ux_e_product_f_code", StringComparison.Ordinal));
        await InsertAsync(host, "product", new() { ["code"] = "P-1", ["name"] = "羊毛衫", ["price"] = 199.99m, ["launched"] = new DateOnly(2026, 3, 5), ["active"] = true, ["status"] = "sale" });
        Assert.Equal(1, await CountAsync(host, "e_product"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Adding_a_field_adds_a_column_and_keeps_every_row(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        await InsertAsync(host, "product", new() { ["code"] = "P-1", ["name"] = "A" });
        await InsertAsync(host, "product", new() { ["code"] = "P-2", ["name"] = "B" });
        var changed = EntitySamples.Product();
        changed.Fields.Add(EntitySamples.Field("spec", "text", "规格", "Specification"));

        var result = await ApplyAsync(host, changed);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Version);
        Assert.Contains("f_spec", await ColumnsAsync(host, "e_product"));
        Assert.Equal(2, await CountAsync(host, "e_product"));
        var history = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().HistoryAsync("product"));
        Assert.Equal([1, 2], history.Select(h => h.Version));
        Assert.Equal("admin", history[1].ChangedBy);
        Assert.Contains("f_spec", history[1].Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("spec", history[1].Before!, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Changing_labels_runs_no_sql_and_keeps_the_storage_keys(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        var relabelled = EntitySamples.Product();
        relabelled.Label = LocalizedText.Of("商品", "Item");
        relabelled.Fields[1].Label = LocalizedText.Of("品名", "Item name");

        var result = await ApplyAsync(host, relabelled);

        Assert.True(result.Succeeded);
        Assert.Empty(result.Sql);
        Assert.Equal("e_product", result.Definition!.Table);
        Assert.Equal("f_name", result.Definition.Field("name")!.Column);
        Assert.Equal("商品", (await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("product")!.Label["zh-CN"]);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_dry_run_shows_the_sql_and_changes_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var result = await ApplyAsync(host, EntitySamples.Product(), dryRun: true);

        Assert.True(result.Succeeded);
        Assert.False(result.Applied);
        Assert.Contains(result.Sql, s => s.Contains("e_product", StringComparison.Ordinal));
        Assert.Empty(await ColumnsAsync(host, "e_product"));
        Assert.Null((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("product"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_change_the_database_refuses_half_way_leaves_nothing_behind(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        await InsertAsync(host, "product", new() { ["code"] = "P-1", ["name"] = "A" });
        // Someone created an index by hand under the name the engine will use: the new column is
        // added first, then creating the unique index fails.
        await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE INDEX ux_e_product_f_name ON e_product (f_notes)"));
        var changed = EntitySamples.Product();
        changed.Fields.Add(EntitySamples.Field("spec", "text", "规格", "Specification"));
        changed.Field("name")!.Unique = true;

        var result = await ApplyAsync(host, changed);

        Assert.False(result.Succeeded);
        Assert.Contains("nothing was changed", result.Errors.Single().Message, StringComparison.Ordinal);
        Assert.DoesNotContain("f_spec", await ColumnsAsync(host, "e_product"));
        var stored = (await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Find("product")!;
        Assert.Null(stored.Field("spec"));
        Assert.False(stored.Field("name")!.Unique);
        Assert.Single(await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().HistoryAsync("product")));
        Assert.Equal(1, await CountAsync(host, "e_product"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_field_becomes_unique_only_when_no_records_share_a_value_and_the_shared_ones_are_listed(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        foreach (var (code, name) in new[] { ("P-1", "同名"), ("P-2", "同名"), ("P-3", "同名"), ("P-4", "Twin"), ("P-5", "Twin"), ("P-6", "独一") })
        {
            await InsertAsync(host, "product", new() { ["code"] = code, ["name"] = name });
        }

        var changed = EntitySamples.Product();
        changed.Field("name")!.Unique = true;
        var refused = await ApplyAsync(host, changed);

        var error = Assert.Single(refused.Errors);
        Assert.Equal("$.fields[1].unique", error.Path);
        Assert.Contains("'同名' (3 records), 'Twin' (2 records)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("独一", error.Message, StringComparison.Ordinal);
        // Coded, so the designer says it in the reader's language with the same values.
        Assert.Equal("schema.notUnique", error.Code);
        Assert.Equal("'同名' ×3、'Twin' ×2", error.Arguments[1]);
        var stock = EntitySamples.Product();
        stock.Field("stock")!.Unique = true; // no stock values at all: nothing blocks it
        Assert.True((await ApplyAsync(host, stock)).Succeeded);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Type_changes_between_kinds_that_do_not_convert_are_refused_and_the_data_stays(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await ApplyAsync(host, EntitySamples.Product());
        var changed = EntitySamples.Product();
        changed.Field("stock")!.Type = "boolean";
        changed.Field("stock")!.Min = null;

        var result = await ApplyAsync(host, changed);

        Assert.Equal("$.fields[3].type", result.Errors.Single().Path);
        Assert.Contains("f_stock", await ColumnsAsync(host, "e_product"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Hostile_or_malformed_definitions_are_refused_with_every_problem_and_write_nothing(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var hostile = new EntityDefinition
        {
            Name = "x\"; DROP TABLE \"AspNetUsers\"; --",
            Label = [],
            Fields =
            [
                EntitySamples.Field("select", "text", "a", "a"),
                EntitySamples.Field("id", "text", "b", "b"),
                EntitySamples.Field("amount", "currency", "c", "c"),
                EntitySamples.Field("qty", "integer", "d", "d", f => { f.Min = 10; f.Max = 1; }),
                EntitySamples.Field("Qty", "integer", "e", "e"),
                EntitySamples.Field("state", "choice", "f", "f"),
                EntitySamples.Field("code", "text", "g", "g", f => f.Pattern = "(unclosed"),
            ],
            TitleField = "missing",
        };

        var result = await ApplyAsync(host, hostile);

        Assert.False(result.Succeeded);
        var paths = result.Errors.Select(e => e.Path).ToList();
        Assert.Equal(["$.name", "$.label", "$.fields[0].name", "$.fields[1].name", "$.fields[2].type", "$.fields[3].min", "$.fields[4].name", "$.fields[5].choices", "$.fields[6].pattern", "$.titleField"], paths);
        Assert.Contains("Known types:", result.Errors.Single(e => e.Path == "$.fields[2].type").Message, StringComparison.Ordinal);
        Assert.DoesNotContain((await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync())).Entities, e => e.Name.StartsWith('x'));
        await host.CreateAdminClientAsync(); // AspNetUsers is still there
    }
}
