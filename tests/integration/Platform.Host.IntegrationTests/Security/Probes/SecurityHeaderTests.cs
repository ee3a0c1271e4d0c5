using System.Net;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>Probe 9: pages, API answers, redirects and errors carry the security headers.</summary>
public sealed class SecurityHeaderTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    [SkippableFact]
    public async Task Every_kind_of_answer_carries_the_security_headers()
    {
        var site = await sites.ForAsync("Sqlite");
        var anonymous = site.Host.CreateAnonymousClient();
        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["sign-in page"] = await anonymous.GetAsync("/account/sign-in"),
            ["redirect"] = await anonymous.GetAsync("/admin/users"),
            ["401"] = await anonymous.GetAsync("/api/auth/me"),
            ["page"] = await site.Admin.GetAsync("/"),
            ["api"] = await site.Admin.GetAsync("/odata/customer"),
            ["404"] = await site.Admin.GetAsync("/odata/customer(00000000-0000-0000-0000-000000000001)"),
            ["static"] = await anonymous.GetAsync("/_framework/blazor.web.js"),
        };

        Assert.Equal(HttpStatusCode.Redirect, answers["redirect"].StatusCode);
        foreach (var (what, response) in answers)
        {
            string Header(string name) => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";
            Assert.True(Header("X-Content-Type-Options") == "nosniff", what);
            Assert.True(Header("Referrer-Policy") == "strict-origin-when-cross-origin", what);
            Assert.True(Header("Permissions-Policy").Contains("camera=()", StringComparison.Ordinal), what);
            Assert.True(Header("X-Frame-Options") == "DENY", what);
            var csp = Header("Content-Security-Policy");
            Assert.True(csp.Contains("script-src 'self'", StringComparison.Ordinal) && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal), what);
            Assert.True(Header("Strict-Transport-Security") == "", $"{what}: HSTS only over HTTPS");
        }
    }

    [SkippableFact]
    public async Task Over_https_answers_ask_browsers_to_stay_on_https()
    {
        var site = await sites.ForAsync("Sqlite");
        var client = site.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var response = await client.GetAsync("/account/sign-in");

        Assert.StartsWith("max-age=31536000", string.Join(",", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_session_cookie_is_http_only_same_site_and_secure_over_https()
    {
        var site = await sites.ForAsync("Sqlite");
        var client = site.Host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });

        var signedIn = await SignInForm.PostAsync(client, "alice", ProbeSite.Password);

        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Platform.Session=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
    }
}
