using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Data.Records;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probes 7, 8 and 10 on data: a backtracking field pattern, a NUL in a filter literal, OData options
/// and addresses that were silently ignored, and a BPMN assignee given as a user name.
/// </summary>
public sealed class QueryAndValueProbeTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Dictionary<string, string> Label(string text) => new() { ["en"] = text, ["zh-CN"] = text };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_backtracking_field_pattern_answers_a_field_error_not_a_500(string provider)
    {
        var site = await sites.ForAsync(provider);
        var entity = new { name = "probe_code", label = Label("Probe code"), fields = new object[] { new { name = "code", type = "text", label = Label("Code"), pattern = "^(a+)+$" } } };
        Assert.True((await site.Admin.PutAsync("/api/metadata/entities/probe_code", Json(entity))).IsSuccessStatusCode);

        var hostile = await site.Admin.PostAsync("/odata/probe_code", Json(new { code = new string('a', 60) + "!" }));
        var fine = await site.Admin.PostAsync("/odata/probe_code", Json(new { code = new string('a', 60) }));

        Assert.Equal(HttpStatusCode.BadRequest, hostile.StatusCode);
        Assert.Equal("code", (await hostile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.Created, fine.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Filter_literals_are_parameters_so_a_nul_or_a_quote_is_only_data(string provider)
    {
        var site = await sites.ForAsync(provider);
        await CreateAsync(site.Admin, "customer", new { name = "O'Brien & Sons" });

        var nul = await site.Admin.GetAsync("/odata/customer?$filter=" + Uri.EscapeDataString("name eq 'a\0b'"));
        var quote = await site.Admin.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=" + Uri.EscapeDataString("name eq 'O''Brien & Sons' or name in ('x;--', 'y')"));
        var contains = await site.Admin.GetFromJsonAsync<JsonElement>("/odata/customer?$filter=" + Uri.EscapeDataString("contains(name, '%') or startswith(name, 'O''Bri')"));

        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.Contains("NUL", (await nul.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(quote.GetProperty("value").EnumerateArray());
        Assert.Single(contains.GetProperty("value").EnumerateArray());
        var stored = await site.Admin.PostAsync("/odata/customer", Json(new { name = "nul\0inside" }));
        Assert.Equal(HttpStatusCode.BadRequest, stored.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_filter_becomes_sql_with_its_values_as_parameters_and_text_order_as_a_plain_comparison(string provider)
    {
        var site = await sites.ForAsync(provider);

        var sql = await site.Host.InScopeAsync(async s =>
        {
            await using var reader = (await s.GetRequiredService<RecordStore>().OpenReaderAsync("customer"))!;
            var filtered = Platform.Records.Query.RecordFilter.Apply(reader.Live, reader.Schema, reader.Entity, "name ge 'Secret-literal' and region eq 'x''y'");
            return filtered.ToQueryString();
        });

        // The parameters' values are listed above the statement; the statement itself holds none.
        var statement = string.Join("\n", sql.Split('\n').SkipWhile(l => !l.Contains("SELECT", StringComparison.Ordinal)));
        Assert.Contains("WHERE", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret-literal", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("x''y", statement, StringComparison.Ordinal);
        // "ge" on text is a comparison the database can answer from an index, not a CASE over every row.
        Assert.DoesNotContain("CASE", sql, StringComparison.Ordinal);
        Assert.Contains(">=", sql, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Unsupported_apply_steps_search_and_addresses_below_a_record_are_refused_not_ignored(string provider)
    {
        var site = await sites.ForAsync(provider);
        var id = await CreateAsync(site.Admin, "customer", new { name = "Apply probe" });

        var apply = await site.Admin.GetAsync("/odata/customer?$apply=" + Uri.EscapeDataString("groupby((grade))/filter(grade eq 'vip')"));
        var search = await site.Admin.GetAsync("/odata/customer?$search=probe");
        var property = await site.Admin.GetAsync($"/odata/customer({id})/notes");

        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Equal("$apply", (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("target").GetString());
        Assert.Equal(HttpStatusCode.NotImplemented, search.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, property.StatusCode);
        Assert.Contains("$select", (await property.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_bpmn_assignee_given_as_a_user_name_reaches_that_user_and_an_unknown_name_is_refused(string provider)
    {
        var site = await sites.ForAsync(provider);

        var unknown = await site.Admin.PostAsync("/api/workflows/processes", new StringContent(Process("probe_ghost", "ghost-user"), System.Text.Encoding.UTF8, "application/xml"));
        var named = await site.Admin.PostAsync("/api/workflows/processes", new StringContent(Process("probe_named", "alice"), System.Text.Encoding.UTF8, "application/xml"));
        var started = await site.Admin.PostAsync("/api/workflows/processes/probe_named/instances", Json("{}"));
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("ghost-user", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(named.IsSuccessStatusCode, await named.Content.ReadAsStringAsync());
        var tasks = await site.Alice.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine");
        var task = Assert.Single(tasks.EnumerateArray(), t => t.GetProperty("instanceId").GetGuid() == instance);
        var completed = await site.Alice.PostAsync($"/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", Json("{}"));
        Assert.Equal(HttpStatusCode.NoContent, completed.StatusCode);
    }

    private static string Process(string key, string assignee) => OneStepProcess(key, $"camunda:assignee=\"{assignee}\"");
}
