using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probe 5: answers that told a hidden record from a missing one. A lookup to a record the user may
/// not read was accepted (and then blocked its owner's delete); withdrawing someone else's request
/// said who may; an import keyed on another user's value said it was "taken meanwhile".
/// </summary>
public sealed class ExistenceOracleTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<string> MessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString()!;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_lookup_to_a_record_the_user_cannot_read_is_answered_as_a_missing_one(string provider)
    {
        var site = await sites.ForAsync(provider);
        var bobs = await CreateAsync(site.Bob, "customer", new { name = $"Bob's hidden customer {provider}" });

        var hidden = await site.Alice.PostAsync("/odata/contact", Json(new { name = "Probe contact", customer = bobs }));
        var missing = await site.Alice.PostAsync("/odata/contact", Json(new { name = "Probe contact", customer = Guid.NewGuid() }));

        Assert.Equal(HttpStatusCode.BadRequest, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(await MessageAsync(missing), await MessageAsync(hidden));
        var version = (await site.Bob.GetFromJsonAsync<JsonElement>($"/odata/customer({bobs})")).GetProperty("rowVersion").GetInt32();
        var delete = await SendAsync(site.Bob, HttpMethod.Delete, $"/odata/customer({bobs})", null, ("If-Match", $"W/\"{version}\""));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode); // nothing hidden holds on to it
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Withdrawing_an_instance_one_cannot_see_answers_404_like_a_missing_one(string provider)
    {
        var site = await sites.ForAsync(provider);
        var deployed = await site.Admin.PostAsync("/api/workflows/processes", new StringContent(OneStep, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var started = await site.Admin.PostAsync("/api/workflows/processes/probe_one_step/instances", Json("{}"));
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var someoneElses = await site.Alice.PostAsync($"/api/workflows/instances/{instance}/withdraw", Json("{}"));
        var missing = await site.Alice.PostAsync($"/api/workflows/instances/{Guid.NewGuid()}/withdraw", Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
            (await someoneElses.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Acting_on_a_task_in_a_process_one_cannot_see_answers_404_like_a_missing_task(string provider)
    {
        var site = await sites.ForAsync(provider);
        var deployed = await site.Admin.PostAsync("/api/workflows/processes", new StringContent(OneStep, Encoding.UTF8, "application/xml"));
        Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
        var started = await site.Admin.PostAsync("/api/workflows/processes/probe_one_step/instances", Json("{}"));
        var instance = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var view = await site.Admin.GetStringAsync($"/api/workflows/instances/{instance}");
        var task = JsonDocument.Parse(view).RootElement.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("isOpen").GetBoolean()).GetProperty("id").GetGuid();

        foreach (var action in new[] { "complete", "approve", "claim" })
        {
            var someoneElses = await site.Alice.PostAsync($"/api/workflows/tasks/{task}/{action}", Json("{}"));
            var missing = await site.Alice.PostAsync($"/api/workflows/tasks/{Guid.NewGuid()}/{action}", Json("{}"));
            Assert.Equal(HttpStatusCode.NotFound, someoneElses.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Equal((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(),
                (await someoneElses.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.NoContent, (await site.Admin.PostAsync($"/api/workflows/tasks/{task}/complete", Json("{}"))).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_import_keyed_on_a_hidden_records_value_says_no_more_than_a_plain_create(string provider)
    {
        var site = await sites.ForAsync(provider);
        var name = $"Bob secret account {provider}";
        await CreateAsync(site.Bob, "customer", new { name });
        site.Alice.DefaultRequestHeaders.AcceptLanguage.Clear();
        site.Alice.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var created = await site.Alice.PostAsync("/odata/customer", Json(new { name }));
        var file = await ImportClients.UploadAsync(site.Alice, Encoding.UTF8.GetBytes($"name,region\n\"{name}\",east\n"), "customers.csv");
        var started = await site.Alice.PostAsJsonAsync("/api/import/customer", new { file, mapping = new Dictionary<string, string> { ["name"] = "name", ["region"] = "region" }, key = new[] { "name" }, mode = "upsert", onError = "skip" });
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        JsonElement job;
        do
        {
            await Task.Delay(100);
            job = await site.Alice.GetFromJsonAsync<JsonElement>(started.Headers.Location!.ToString());
        }
        while (job.GetProperty("status").GetString() == "running");

        var problems = job.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
        Assert.Equal([await MessageAsync(created)], problems);
        Assert.DoesNotContain("meanwhile", problems[0], StringComparison.Ordinal);
        var bobs = await site.Bob.GetFromJsonAsync<JsonElement>($"/odata/customer?$filter=name eq '{name}'");
        Assert.Equal(JsonValueKind.Null, bobs.GetProperty("value")[0].GetProperty("region").ValueKind);
    }

    private static readonly string OneStep = OneStepProcess("probe_one_step", "camunda:assigneeRule=\"initiator\"");
}
