using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using Platform.Host.IntegrationTests.Security.Probes;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Identity;

/// <summary>
/// Users, roles and departments administered over <c>/api/admin/…</c> — for scripts and provisioning —
/// with the same checks as the pages, a refusal for every bad body, permission checks per kind, and
/// an audit trail of each change.
/// </summary>
public sealed class AdministrationApiTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> CreatedIdAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<List<string?>> FieldsAsync(HttpResponseMessage response) =>
        [.. (await BodyAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString())];

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_script_provisions_a_department_a_role_and_a_user_who_can_then_work(string provider)
    {
        var site = await sites.ForAsync(provider);

        var department = await CreatedIdAsync(await site.Admin.PostAsJsonAsync("/api/admin/departments", new { name = "西北区", code = $"NW-{provider}", parentId = site.East }));
        var role = await CreatedIdAsync(await site.Admin.PostAsJsonAsync("/api/admin/roles", new { name = $"Northwest sales {provider}", permissions = new[] { "Records.customer.Create", "Records.customer.Read.Department" } }));
        var user = await CreatedIdAsync(await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = $"wang-{provider}", displayName = "王五", password = "Start-passw0rd", departmentId = department, roles = new[] { $"Northwest sales {provider}" } }));

        var wang = await site.Host.CreateClientForAsync($"wang-{provider}", "Start-passw0rd");
        Assert.Equal(HttpStatusCode.Created, (await wang.PostAsync("/odata/customer", Json(new { name = $"西北客户 {provider}" }))).StatusCode);
        var me = await wang.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(department, me.GetProperty("departmentId").GetString());
        Assert.Contains((await site.Admin.GetFromJsonAsync<JsonElement>("/api/admin/departments")).EnumerateArray(), d => d.GetProperty("id").GetString() == department && d.GetProperty("parentId").GetString() == site.East);
        Assert.Contains((await site.Admin.GetFromJsonAsync<JsonElement>("/api/admin/roles")).EnumerateArray(), r => r.GetProperty("id").GetString() == role && r.GetProperty("userCount").GetInt32() == 1);

        var renamed = await site.Admin.PatchAsJsonAsync($"/api/admin/users/{user}", new { displayName = "王五 (西北)" });
        var read = await BodyAsync(renamed);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("王五 (西北)", read.GetProperty("displayName").GetString());
        Assert.Equal([$"Northwest sales {provider}"], read.GetProperty("roles").EnumerateArray().Select(r => r.GetString())); // what was not sent stays
        Assert.Equal(department, read.GetProperty("departmentId").GetString());
        Assert.False(read.TryGetProperty("password", out _));

        Assert.Equal(HttpStatusCode.OK, (await site.Admin.PatchAsJsonAsync($"/api/admin/users/{user}", new { password = "Second-passw0rd" })).StatusCode);
        Assert.NotNull(await site.Host.CreateClientForAsync($"wang-{provider}", "Second-passw0rd"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bad_bodies_are_refused_by_property_and_change_nothing(string provider)
    {
        var site = await sites.ForAsync(provider);
        var before = (await site.Admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).GetArrayLength();

        var typo = await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = "typo", pasword = "Start-passw0rd" });
        var wrongType = await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = "typed", password = "Start-passw0rd", roles = "Administrator" });
        var unknownRole = await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = "ghostly", password = "Start-passw0rd", roles = new[] { "Ghost" } });
        var noPassword = await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = "nopass" });
        var notObject = await site.Admin.PostAsJsonAsync("/api/admin/users", new[] { "x" });
        var cycle = await site.Admin.PatchAsJsonAsync($"/api/admin/departments/{site.East}", new { parentId = site.East });
        var unknownPermission = await site.Admin.PostAsJsonAsync("/api/admin/roles", new { name = "Nope", permissions = new[] { "Records.ghost.Read.All" } });

        Assert.Equal(["pasword"], await FieldsAsync(typo));
        Assert.Equal(["roles"], await FieldsAsync(wrongType));
        Assert.Equal(["roles"], await FieldsAsync(unknownRole));
        Assert.Equal(["password"], await FieldsAsync(noPassword));
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Equal(["parentId"], await FieldsAsync(cycle));
        Assert.Equal(["permissions"], await FieldsAsync(unknownPermission));
        Assert.Equal(before, (await site.Admin.GetFromJsonAsync<JsonElement>("/api/admin/users")).GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await site.Admin.PatchAsJsonAsync($"/api/admin/users/{Guid.NewGuid()}", new { displayName = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Admin.DeleteAsync($"/api/admin/roles/{Guid.NewGuid()}")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_last_administrator_cannot_be_locked_and_a_held_role_cannot_be_deleted(string provider)
    {
        var site = await sites.ForAsync(provider);
        var adminId = (await site.Admin.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("id").GetString();
        var roles = await site.Admin.GetFromJsonAsync<JsonElement>("/api/admin/roles");
        var held = roles.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Probe sales").GetProperty("id").GetString();

        var locked = await site.Admin.PatchAsJsonAsync($"/api/admin/users/{adminId}", new { isLockedOut = true });
        var deleted = await site.Admin.DeleteAsync($"/api/admin/roles/{held}");

        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Admin.GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Each_kind_needs_its_own_permission(string provider)
    {
        var site = await sites.ForAsync(provider);
        await Accounts.CreateRoleAsync(site.Host, $"User keeper {provider}", "Identity.Users.Manage");
        await site.UserAsync($"keeper-{provider}", null, $"User keeper {provider}");
        var keeper = await site.Host.CreateClientForAsync($"keeper-{provider}", Password);

        Assert.Equal(HttpStatusCode.OK, (await keeper.GetAsync("/api/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keeper.GetAsync("/api/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keeper.PostAsJsonAsync("/api/admin/departments", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await keeper.GetAsync($"/api/admin/audit/roles/{Guid.NewGuid()}")).StatusCode);
        foreach (var url in new[] { "/api/admin/users", "/api/admin/roles", "/api/admin/departments" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await site.Alice.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await site.Alice.PostAsJsonAsync(url, new { name = "x", userName = "x", password = "Start-passw0rd" })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await site.Host.CreateAnonymousClient().GetAsync("/api/admin/users")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_change_is_in_the_audit_trail_with_who_and_the_values_but_never_a_password(string provider)
    {
        var site = await sites.ForAsync(provider);
        var user = await CreatedIdAsync(await site.Admin.PostAsJsonAsync("/api/admin/users", new { userName = $"zhao-{provider}", password = "Secret-passw0rd", departmentId = site.South }));
        await site.Admin.PatchAsJsonAsync($"/api/admin/users/{user}", new { departmentId = site.East, password = "Other-passw0rd1" });
        var role = await CreatedIdAsync(await site.Admin.PostAsJsonAsync("/api/admin/roles", new { name = $"Short-lived {provider}" }));
        Assert.Equal(HttpStatusCode.NoContent, (await site.Admin.DeleteAsync($"/api/admin/roles/{role}")).StatusCode);

        var userTrail = await site.Admin.GetAsync($"/api/admin/audit/users/{user}");
        var text = await userTrail.Content.ReadAsStringAsync();
        var entries = JsonDocument.Parse(text).RootElement.EnumerateArray().ToList();
        Assert.Equal(["create", "update"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal("admin", e.GetProperty("userName").GetString()));
        Assert.Equal(site.South, entries[1].GetProperty("before").GetProperty("departmentId").GetString());
        Assert.Equal(site.East, entries[1].GetProperty("after").GetProperty("departmentId").GetString());
        Assert.True(entries[1].GetProperty("after").GetProperty("passwordSet").GetBoolean());
        Assert.DoesNotContain("passw0rd", text, StringComparison.Ordinal);
        var roleTrail = await site.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/audit/roles/{role}");
        Assert.Equal(["create", "delete"], roleTrail.EnumerateArray().Select(e => e.GetProperty("action").GetString()));
    }
}
