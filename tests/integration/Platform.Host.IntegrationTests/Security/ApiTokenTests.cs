using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security;

public sealed class ApiTokenTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static async Task<(string Id, string Secret)> CreatePersonalTokenAsync(HttpClient client, string name, int? days = 30)
    {
        var response = await client.PostAsJsonAsync("/api/account/api-tokens", new { name, expiresInDays = days });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("token").GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!);
    }

    private static HttpClient WithToken(PlatformHost host, string secret)
    {
        var client = host.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_personal_token_works_until_its_owner_revokes_it(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateUserAsync(host, "integrator", "Integrator-passw0rd");
        var owner = await host.CreateClientForAsync("integrator", "Integrator-passw0rd");
        var (id, secret) = await CreatePersonalTokenAsync(owner, "ERP sync");
        var erp = WithToken(host, secret);

        Assert.Equal(HttpStatusCode.OK, (await erp.GetAsync("/api/auth/me")).StatusCode);
        var listed = await owner.GetFromJsonAsync<JsonElement>("/api/account/api-tokens");
        Assert.DoesNotContain(secret, listed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/account/api-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await erp.GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_administrator_revokes_anyones_token_and_others_cannot(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateUserAsync(host, "alice", "Alice-passw0rd");
        await Accounts.CreateUserAsync(host, "mallory", "Mallory-passw0rd");
        var alice = await host.CreateClientForAsync("alice", "Alice-passw0rd");
        var mallory = await host.CreateClientForAsync("mallory", "Mallory-passw0rd");
        var admin = await host.CreateAdminClientAsync();
        var (id, secret) = await CreatePersonalTokenAsync(alice, "report robot", days: null);

        Assert.Equal(HttpStatusCode.NotFound, (await mallory.DeleteAsync($"/api/account/api-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.GetAsync("/api/admin/api-tokens")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mallory.DeleteAsync($"/api/admin/api-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithToken(host, secret).GetAsync("/api/auth/me")).StatusCode);

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/admin/api-tokens");
        Assert.Contains(all.EnumerateArray(), t => t.GetProperty("id").GetString() == id && t.GetProperty("userName").GetString() == "alice");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/admin/api-tokens/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithToken(host, secret).GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Token_requests_without_a_name_or_with_a_silly_lifetime_are_refused(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var admin = await host.CreateAdminClientAsync();

        foreach (var body in new object[] { new { name = "" }, new { name = "x", expiresInDays = 0 }, new { name = "x", expiresInDays = 99999 }, new { name = new string('x', 201) } })
        {
            var response = await admin.PostAsJsonAsync("/api/account/api-tokens", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(string.IsNullOrEmpty((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()));
        }

        var garbled = await admin.PostAsync("/api/account/api-tokens", new StringContent("{oops", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("JSON", (await garbled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }
}
