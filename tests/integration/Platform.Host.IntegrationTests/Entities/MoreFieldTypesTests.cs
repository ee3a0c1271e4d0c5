using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Metadata;
using Platform.Core.Security;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Records;

namespace Platform.Host.IntegrationTests.Entities;

/// <summary>Multi-choice fields, computed fields (definition and storage; formulas run with the rules engine) and declared filter indexes.</summary>
public sealed class MoreFieldTypesTests
{
    private static readonly Actor Admin = new("u-admin", "admin");

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static EntityDefinition Customer() => new()
    {
        Name = "customer", Label = LocalizedText.Of("客户", "Customer"), TitleField = "name",
        Fields =
        [
            EntitySamples.Field("name", "text", "名称", "Name", f => f.Indexed = true),
            EntitySamples.Field("interests", "multiChoice", "意向产品线", "Interests", f => f.Choices =
            [
                new ChoiceOption { Value = "knit", Label = LocalizedText.Of("针织", "Knitwear"), Color = "#1565c0" },
                new ChoiceOption { Value = "wool", Label = LocalizedText.Of("羊毛", "Wool") },
                new ChoiceOption { Value = "wool2", Label = LocalizedText.Of("羊毛二代", "Wool II") },
            ]),
            EntitySamples.Field("region", "choice", "区域", "Region", f => f.Choices = [new ChoiceOption { Value = "east", Label = LocalizedText.Of("华东", "East") }]),
            EntitySamples.Field("since", "date", "首次合作", "Customer since"),
            EntitySamples.Field("yearsAsCustomer", "computed", "合作年数", "Years as customer", f => { f.Formula = "record.since ? today().getUTCFullYear() - record.since.getUTCFullYear() : null"; f.ResultType = "integer"; }),
        ],
        Indexes = [new IndexDefinition { Name = "regionSince", Fields = ["region", "since"] }],
    };

    private static async Task<PlatformHost> StartAsync(string provider)
    {
        var host = await PlatformHost.StartAsync(provider);
        var result = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(Customer(), "admin"));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return host;
    }

    private static Task<RecordResult> CreateAsync(PlatformHost host, Dictionary<string, object?> values) =>
        host.InScopeAsync(s => s.GetRequiredService<RecordStore>().CreateAsync("customer", values, Admin));

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Multi_choice_values_are_kept_in_choice_order_and_filtered_by_exact_value(string provider)
    {
        await using var host = await StartAsync(provider);
        var both = await CreateAsync(host, new() { ["name"] = "Both", ["interests"] = new[] { "wool", "knit", "wool" } });
        await CreateAsync(host, new() { ["name"] = "Wool II only", ["interests"] = new[] { "wool2" } });
        await CreateAsync(host, new() { ["name"] = "Nothing" });

        Assert.True(both.Succeeded, string.Join("; ", both.Errors));
        Assert.Equal(["knit", "wool"], (string[])both.Record!["interests"]!);
        var refused = await CreateAsync(host, new() { ["name"] = "Bad", ["interests"] = new[] { "knit", "silk" } });
        Assert.Contains("silk", refused.Errors.Single(e => e.Field == "interests").Message, StringComparison.Ordinal);

        var client = await host.CreateAdminClientAsync();
        var woolResponse = await client.GetAsync("/odata/customer?$filter=interests/any(i: i eq 'wool')&$select=name,interests");
        Assert.True(woolResponse.IsSuccessStatusCode, await woolResponse.Content.ReadAsStringAsync());
        var wool = await woolResponse.Content.ReadFromJsonAsync<JsonElement>();
        var row = Assert.Single(wool.GetProperty("value").EnumerateArray());
        Assert.Equal("Both", row.GetProperty("name").GetString());
        Assert.Equal(["knit", "wool"], row.GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
        var either = await client.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=interests/any(i: i eq 'knit' or i eq 'wool2')&$orderby=name");
        Assert.Equal(["Both", "Wool II only"], either.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        var posted = await client.PostAsJsonAsync("/odata/customer", new { name = "Posted", interests = new[] { "wool2", "knit" } });
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal(["knit", "wool2"], (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("interests").EnumerateArray().Select(i => i.GetString()));
        var metadata = await client.GetStringAsync("/odata/$metadata");
        Assert.Contains("""<Property Name="interests" Type="Collection(Edm.String)" Nullable="false" />""", metadata, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_computed_field_is_stored_as_its_result_type_computed_on_save_and_cannot_be_set_by_hand(string provider)
    {
        await using var host = await StartAsync(provider);

        var refused = await CreateAsync(host, new() { ["name"] = "Acme", ["yearsAsCustomer"] = 3 });
        Assert.Equal("yearsAsCustomer", refused.Errors.Single().Field);

        var saved = await CreateAsync(host, new() { ["name"] = "Acme", ["since"] = "2020-05-01" });
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        Assert.Equal(DateTime.Now.Year - 2020L, saved.Record!["yearsAsCustomer"]);
        Assert.Null((await CreateAsync(host, new() { ["name"] = "New" })).Record!["yearsAsCustomer"]);
        var schema = await host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().LoadSchemaAsync());
        Assert.StartsWith("record.since ?", schema.Find("customer")!.Field("yearsAsCustomer")!.Formula, StringComparison.Ordinal);

        var client = await host.CreateAdminClientAsync();
        var metadata = await client.GetStringAsync("/odata/$metadata");
        Assert.Contains("""<Property Name="yearsAsCustomer" Type="Edm.Int64" />""", metadata, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/odata/customer?$filter=yearsAsCustomer ge 2&$orderby=yearsAsCustomer desc")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Indexed_fields_and_declared_indexes_are_created_and_dropped_with_the_definition(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var schemas = (EntityDefinition e, bool dryRun) => host.InScopeAsync(s => s.GetRequiredService<SchemaManager>().ApplyAsync(e, "admin", dryRun));

        var created = await schemas(Customer(), false);

        Assert.Contains(created.Sql, s => s.Contains("ix_e_customer_f_name", StringComparison.Ordinal));
        Assert.Contains(created.Sql, s => s.Contains("ix_e_customer_regionsince", StringComparison.Ordinal));
        var changed = Customer();
        changed.Field("name")!.Indexed = false;
        changed.Indexes = null;
        var dropped = await schemas(changed, true);
        Assert.Equal(2, dropped.Sql.Count(s => s.StartsWith("DROP INDEX", StringComparison.Ordinal)));
    }

    [Fact]
    public void Badly_configured_computed_multi_choice_and_index_definitions_are_refused_with_their_paths()
    {
        var entity = Customer();
        entity.Field("yearsAsCustomer")!.ResultType = "lookup";
        entity.Field("yearsAsCustomer")!.Required = true;
        entity.Field("name")!.Formula = "1 + 1";
        entity.Field("interests")!.Choices![0].Value = "knit,wool";
        entity.Indexes!.Add(new IndexDefinition { Name = "byNotes", Fields = ["ghost"] });
        entity.Fields.Add(EntitySamples.Field("notes", "longText", "备注", "Notes", f => f.Indexed = true));

        var errors = MetadataValidator.Validate(entity).Select(e => e.Path).ToList();

        Assert.Equal(
            ["$.fields[0].formula", "$.fields[1].choices[0].value", "$.fields[4].required", "$.fields[4].resultType", "$.fields[5].indexed", "$.indexes[1].fields[0]"],
            errors.Order(StringComparer.Ordinal));
    }
}
