using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.IntegrationTests.Infrastructure;
using static Platform.Host.IntegrationTests.Security.Probes.ProbeSite;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>Probe 8: bodies that are not valid UTF-8 gave 500s (OData, preview) or were stored (workflow start). Now 400 with the place.</summary>
public sealed class BadBodyTests(ProbeSites sites) : IClassFixture<ProbeSites>
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static ByteArrayContent InvalidUtf8(string before, string after)
    {
        byte[] body = [.. System.Text.Encoding.UTF8.GetBytes(before), 0xC3, 0x28, 0xFF, .. System.Text.Encoding.UTF8.GetBytes(after)];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Invalid_utf8_in_a_json_body_is_refused_with_400_and_nothing_is_written(string provider)
    {
        var site = await sites.ForAsync(provider);

        var urls = new[] { "/odata/customer", "/api/records/customer/preview", "/api/workflows/processes/sales_order_approval/instances" };
        foreach (var url in urls)
        {
            var response = await site.Admin.PostAsync(url, InvalidUtf8("""{"name":"Bad bytes """, "\", \"variables\": {}}"));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("UTF-8", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync(site.Admin, "customer", "startswith(name,'Bad bytes')"));
        var instances = await site.Admin.GetFromJsonAsync<JsonElement>("/api/workflows/instances");
        Assert.Empty(instances.EnumerateArray());
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_json_body_in_another_charset_is_refused_with_415(string provider)
    {
        var site = await sites.ForAsync(provider);
        var content = new ByteArrayContent(System.Text.Encoding.Latin1.GetBytes("""{"name":"Caf\u00e9 Latin-1"}"""));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json; charset=iso-8859-1");

        var response = await site.Admin.PostAsync("/odata/customer", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }
}
