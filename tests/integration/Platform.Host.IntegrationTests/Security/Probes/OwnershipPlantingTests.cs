using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probe 4: a salesperson with "own" rights created and changed records with another person as
/// owner and another department, planting them in that person's list. Handing a record on now needs
/// the Assign right; without it a record stays within the actor's own reach.
/// </summary>
public sealed class OwnershipPlantingTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<string> ErrorFieldAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString()!;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_record_cannot_be_created_in_someone_elses_name_or_department(string provider)
    {
        var site = await sites.ForAsync(provider);

        var planted = await site.Alice.PostAsync("/odata/customer", Json(new { name = "Planted on Bob", ownerId = site.BobId, departmentId = site.South }));
        var otherDepartment = await site.Alice.PostAsync("/odata/customer", Json(new { name = "Planted in the south", departmentId = site.South }));

        Assert.Equal(HttpStatusCode.BadRequest, planted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, otherDepartment.StatusCode);
        Assert.Equal("departmentId", await ErrorFieldAsync(otherDepartment));
        Assert.Equal(0, await CountAsync(site.Bob, "customer", "startswith(name,'Planted')"));
        Assert.Equal(0, await CountAsync(site.Admin, "customer", "startswith(name,'Planted')"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_record_cannot_be_handed_to_someone_else_by_a_change(string provider)
    {
        var site = await sites.ForAsync(provider);
        var id = await CreateAsync(site.Alice, "customer", new { name = "Alice keeps this" });

        var handed = await SendAsync(site.Alice, HttpMethod.Patch, $"/odata/customer({id})", Json(new { ownerId = site.BobId }));
        var moved = await SendAsync(site.Alice, HttpMethod.Patch, $"/odata/customer({id})", Json(new { departmentId = site.South }));

        Assert.Equal(HttpStatusCode.BadRequest, handed.StatusCode);
        Assert.Equal("ownerId", await ErrorFieldAsync(handed));
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(0, await CountAsync(site.Bob, "customer", "name eq 'Alice keeps this'"));
        Assert.Equal(1, await CountAsync(site.Alice, "customer", "name eq 'Alice keeps this'"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Sending_ones_own_owner_and_department_back_is_no_change_and_allowed(string provider)
    {
        var site = await sites.ForAsync(provider);

        var id = await CreateAsync(site.Alice, "customer", new { name = "Alice echoes", ownerId = site.AliceId, departmentId = site.East });
        var echoed = await SendAsync(site.Alice, HttpMethod.Patch, $"/odata/customer({id})", Json(new { ownerId = site.AliceId, departmentId = site.East, region = "上海" }));

        Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_assign_right_hands_records_to_anyone_and_the_new_owner_sees_them(string provider)
    {
        var site = await sites.ForAsync(provider);
        await Accounts.CreateRoleAsync(site.Host, $"Assigner {provider}", "Records.customer.Assign");
        await site.UserAsync($"lead-{provider}", site.East, "Probe sales", $"Assigner {provider}");
        var lead = await site.Host.CreateClientForAsync($"lead-{provider}", Password);

        var id = await CreateAsync(lead, "customer", new { name = $"Handed to Bob {provider}" });
        var handed = await SendAsync(lead, HttpMethod.Patch, $"/odata/customer({id})", Json(new { ownerId = site.BobId, departmentId = site.South }));

        Assert.Equal(HttpStatusCode.OK, handed.StatusCode);
        Assert.Equal(1, await CountAsync(site.Bob, "customer", $"name eq 'Handed to Bob {provider}'"));
        var trail = await site.Admin.GetFromJsonAsync<JsonElement>($"/api/audit/customer/{id}");
        Assert.Contains(trail.EnumerateArray(), a => a.GetProperty("field").ValueKind == JsonValueKind.String && a.GetProperty("field").GetString() == "ownerId");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Department_rights_hand_records_on_inside_the_department_only(string provider)
    {
        var site = await sites.ForAsync(provider);
        await Accounts.CreateRoleAsync(site.Host, $"East lead {provider}", "Records.customer.Create", "Records.customer.Read.Department", "Records.customer.Update.Department");
        await site.UserAsync($"eastlead-{provider}", site.East, $"East lead {provider}");
        var lead = await site.Host.CreateClientForAsync($"eastlead-{provider}", Password);

        var inside = await lead.PostAsync("/odata/customer", Json(new { name = $"For Alice {provider}", ownerId = site.AliceId }));
        var outside = await lead.PostAsync("/odata/customer", Json(new { name = $"For Bob {provider}", ownerId = site.BobId }));

        Assert.Equal(HttpStatusCode.Created, inside.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(1, await CountAsync(site.Alice, "customer", $"name eq 'For Alice {provider}'"));
    }
}
