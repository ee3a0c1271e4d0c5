using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security;

/// <summary>Everything is behind sign-in except sign-in itself and /health; tokens open the API.</summary>
public sealed class AuthenticationTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Health_answers_anonymously_when_the_database_is_up(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var response = await host.CreateAnonymousClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_product_icon_answers_at_favicon_ico_for_everyone_as_an_icon_file(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);

        var response = await host.CreateAnonymousClient().GetAsync("/favicon.ico");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/x-icon", response.Content.Headers.ContentType!.MediaType);
        var icon = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0, 0, 1, 0 }, icon[..4]); // an ICO header
        Assert.Equal(3, BitConverter.ToUInt16(icon, 4)); // 16, 32 and 48 px
        Assert.Contains("max-age", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Anonymous_pages_redirect_to_sign_in_and_apis_answer_401(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();

        foreach (var page in new[] { "/", "/admin/users", "/admin/departments", "/account/api-tokens", "/no-such-page" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        foreach (var api in new[] { "/api/auth/me", "/api/shell/navigation", "/api/admin/api-tokens", "/api/account/api-tokens", "/odata/anything" })
        {
            var response = await client.GetAsync(api);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var signIn = await client.GetAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_token_from_the_token_endpoint_opens_the_api(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = await host.CreateAdminClientAsync();

        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");

        Assert.Equal("admin", me.GetProperty("userName").GetString());
        Assert.Contains("Administrator", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        var page = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Every_shell_and_administration_page_renders_for_an_administrator(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = await host.CreateAdminClientAsync();
        var sales = await Accounts.CreateDepartmentAsync(host, "销售部");
        await Accounts.CreateDepartmentAsync(host, "华东区", sales);
        await client.PostAsJsonAsync("/api/account/api-tokens", new { name = "robot" });

        foreach (var page in new[] { "/", "/admin/users", "/admin/roles", "/admin/departments", "/admin/api-tokens", "/account/api-tokens", "/account/access-denied", "/not-found" })
        {
            var response = await client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page}: {response.StatusCode}");
            Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Contains("销售部", await client.GetStringAsync("/admin/departments"), StringComparison.Ordinal);
        Assert.Contains("robot", await client.GetStringAsync("/account/api-tokens"), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_unknown_or_garbled_token_is_refused(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();

        foreach (var token in new[] { "plt_not-a-real-token-at-all-000000000000000000", "garbage", new string('x', 5000) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_malformed_token_request_gets_400_with_a_message(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();

        var cases = new (string Body, string ContentType, HttpStatusCode Status, string Expected)[]
        {
            ("{not json", "application/json", HttpStatusCode.BadRequest, "must be a JSON object"),
            ("""{"userName":"admin"}""", "application/json", HttpStatusCode.BadRequest, "Both userName and password are required"),
            ("""{"password":"x"}""", "application/json", HttpStatusCode.BadRequest, "Both userName and password are required"),
            ("userName=admin&password=x", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, "application/json"),
            ("", "application/json", HttpStatusCode.BadRequest, "must be a JSON object"),
            ("""["admin","x"]""", "application/json", HttpStatusCode.BadRequest, "must be a JSON object"),
        };
        foreach (var (body, contentType, status, expected) in cases)
        {
            var response = await client.PostAsync("/api/auth/token", new StringContent(body, Encoding.UTF8, contentType));
            Assert.Equal(status, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Contains(expected, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_wrong_password_gets_the_same_generic_answer_as_an_unknown_user_and_counts_toward_lockout(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();

        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { userName = "nobody", password = "whatever1" });
        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong-passw0rd" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(Title(await unknown.Content.ReadFromJsonAsync<JsonElement>()), Title(await wrong.Content.ReadFromJsonAsync<JsonElement>()));
        var failures = await host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PlatformUser>>();
            return await users.GetAccessFailedCountAsync((await users.FindByNameAsync("admin"))!);
        });
        Assert.Equal(1, failures);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var client = host.CreateAnonymousClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = $"wrong-{attempt}x" });
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = PlatformHost.AdminPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", Title(await right.Content.ReadFromJsonAsync<JsonElement>()), StringComparison.Ordinal);
    }

    private static string Title(JsonElement problem) => problem.GetProperty("title").GetString()!;
}
