using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probe 1: with only the session cookie a page on another site could create records, start
/// processes and mint API tokens. Cookie-borne changes must now come from our own pages (the
/// X-Requested-With header, and Origin / Sec-Fetch-Site naming this host); tokens work as before;
/// bodies of the wrong type are refused with 415.
/// </summary>
public sealed class CrossSiteRequestTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static readonly (string, string) SameSiteHeader = ("X-Requested-With", "XMLHttpRequest");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_cookie_borne_change_without_the_header_is_refused_and_nothing_is_stored(string provider)
    {
        var site = await sites.ForAsync(provider);
        var browser = await site.CookieClientAsync("alice");

        var plain = await SendAsync(browser, HttpMethod.Post, "/odata/customer", new StringContent("""{"name":"CSRF plain"}""", Encoding.UTF8, "text/plain"));
        var json = await SendAsync(browser, HttpMethod.Post, "/odata/customer", Json("""{"name":"CSRF json"}"""));
        var start = await SendAsync(browser, HttpMethod.Post, "/api/workflows/processes/sales_order_approval/instances", new StringContent("{}", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, plain.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, json.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, start.StatusCode);
        Assert.Contains("X-Requested-With", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(site.Admin, "customer", "startswith(name,'CSRF')"));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_token_cannot_be_minted_for_a_page_of_another_origin(string provider)
    {
        var site = await sites.ForAsync(provider);
        var browser = await site.CookieClientAsync("bob");

        var evil = await SendAsync(browser, HttpMethod.Post, "/api/account/api-tokens", Json("""{"name":"for evil"}"""), SameSiteHeader, ("Origin", "https://evil.example"));
        var crossSite = await SendAsync(browser, HttpMethod.Post, "/api/account/api-tokens", Json("""{"name":"cross site"}"""), SameSiteHeader, ("Sec-Fetch-Site", "cross-site"));
        var nullOrigin = await SendAsync(browser, HttpMethod.Post, "/api/account/api-tokens", Json("""{"name":"sandboxed"}"""), SameSiteHeader, ("Origin", "null"));

        Assert.Equal(HttpStatusCode.Forbidden, evil.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, nullOrigin.StatusCode);
        var mine = await browser.GetFromJsonAsync<JsonElement>("/api/account/api-tokens");
        Assert.DoesNotContain(mine.EnumerateArray(), t => t.GetProperty("name").GetString() is "for evil" or "cross site" or "sandboxed");
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Our_own_pages_change_records_with_the_cookie_and_the_header(string provider)
    {
        var site = await sites.ForAsync(provider);
        var browser = await site.CookieClientAsync("alice");

        var created = await SendAsync(browser, HttpMethod.Post, "/odata/customer", Json("""{"name":"Same-origin customer"}"""),
            SameSiteHeader, ("Origin", "http://localhost"), ("Sec-Fetch-Site", "same-origin"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Bearer_token_calls_need_no_header_and_ignore_the_origin(string provider)
    {
        var site = await sites.ForAsync(provider);

        var created = await SendAsync(site.Alice, HttpMethod.Post, "/odata/customer", Json("""{"name":"Token customer"}"""), ("Origin", "https://tools.example"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_body_of_the_wrong_type_is_refused_with_415_naming_the_type_expected(string provider)
    {
        var site = await sites.ForAsync(provider);
        var browser = await site.CookieClientAsync("alice");

        var cases = new (HttpClient Client, string Url, HttpContent Body)[]
        {
            (site.Alice, "/odata/customer", new StringContent("""{"name":"text plain"}""", Encoding.UTF8, "text/plain")),
            (site.Alice, "/odata/customer", new FormUrlEncodedContent([new("name", "form")])),
            (browser, "/odata/customer", new StringContent("""{"name":"cookie text plain"}""", Encoding.UTF8, "text/plain")),
            (site.Alice, "/api/workflows/processes/sales_order_approval/instances", new StringContent("{}", Encoding.UTF8, "text/plain")),
            (site.Alice, "/api/records/customer/preview", new ByteArrayContent("{}"u8.ToArray())),
            (site.Admin, "/api/workflows/processes", Json("""{"bpmn":"<definitions/>"}""")),
        };
        foreach (var (client, url, body) in cases)
        {
            var response = await SendAsync(client, HttpMethod.Post, url, body, SameSiteHeader);
            Assert.True(response.StatusCode == HttpStatusCode.UnsupportedMediaType, $"{url} {body.Headers.ContentType}: {(int)response.StatusCode}");
        }

        var refusal = await SendAsync(site.Alice, HttpMethod.Post, "/odata/customer", new StringContent("{}", Encoding.UTF8, "text/plain"));
        Assert.Contains("application/json", (await refusal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(site.Admin, "customer", "name eq 'text plain' or name eq 'cookie text plain'"));
    }
}
