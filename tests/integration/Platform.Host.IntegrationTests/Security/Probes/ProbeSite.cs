using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// The site the outside probe attacked: the sample package, two departments, and a salesperson in
/// each with "own" rights on customers and orders (Alice in 华东, Bob in 华南). One per provider,
/// shared by the tests of a class; each test works with records and accounts of its own.
/// </summary>
public sealed class ProbeSite : IAsyncDisposable
{
    public const string Password = "Sales-passw0rd";

    private ProbeSite(PlatformHost host) => Host = host;

    public PlatformHost Host { get; }

    public HttpClient Admin { get; private set; } = default!;

    public HttpClient Alice { get; private set; } = default!;

    public HttpClient Bob { get; private set; } = default!;

    public string AliceId { get; private set; } = "";

    public string BobId { get; private set; } = "";

    public string East { get; private set; } = "";

    public string South { get; private set; } = "";

    public static string SamplesFolder => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples");

    public static async Task<ProbeSite> StartAsync(string provider)
    {
        var site = new ProbeSite(await PlatformHost.StartAsync(provider, ("Platform:Packages:0", SamplesFolder), ("Platform:Workflows:FireTimers", "false")));
        var host = site.Host;
        site.East = await Accounts.CreateDepartmentAsync(host, "华东");
        site.South = await Accounts.CreateDepartmentAsync(host, "华南");
        await Accounts.CreateRoleAsync(host, "Probe sales",
            "Records.customer.Create", "Records.customer.Read.Own", "Records.customer.Update.Own", "Records.customer.Delete.Own",
            "Records.sales_order.Create", "Records.sales_order.Read.Own", "Records.sales_order.Update.Own",
            "Records.product.Read.All", "Records.contact.Create", "Records.contact.Read.Own", "Records.contact.Update.Own");
        site.AliceId = await site.UserAsync("alice", site.East, "Probe sales");
        site.BobId = await site.UserAsync("bob", site.South, "Probe sales");
        site.Admin = await host.CreateAdminClientAsync();
        site.Alice = await host.CreateClientForAsync("alice", Password);
        site.Bob = await host.CreateClientForAsync("bob", Password);
        return site;
    }

    /// <summary>A user of a department with the given roles, created through the administration service.</summary>
    public Task<string> UserAsync(string name, string? department, params string[] roles) =>
        Accounts.CreateUserInAsync(Host, name, Password, department, roles);

    /// <summary>A browser-like client signed in through the form: it holds the session cookie and no token.</summary>
    public async Task<HttpClient> CookieClientAsync(string userName, string password = Password)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await SignInForm.PostAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Json(object value) => Json(JsonSerializer.Serialize(value));

    /// <summary>Creates a record through OData and answers its id; fails the test when refused.</summary>
    public static async Task<string> CreateAsync(HttpClient client, string set, object values)
    {
        var response = await client.PostAsync($"/odata/{set}", Json(values));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{set}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    public static async Task<int> CountAsync(HttpClient client, string set, string filter) =>
        (await client.GetFromJsonAsync<JsonElement>($"/odata/{set}?$filter={Uri.EscapeDataString(filter)}&$count=true")).GetProperty("@odata.count").GetInt32();

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>A process of one user task; <paramref name="assignment"/> is the task's assignment attribute, e.g. <c>camunda:assignee="alice"</c>.</summary>
    public static string OneStepProcess(string key, string assignment) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="probe">
          <process id="{key}" isExecutable="true">
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
            <userTask id="review" name="Review" {assignment} />
            <sequenceFlow id="f2" sourceRef="review" targetRef="end" />
            <endEvent id="end" />
          </process>
        </definitions>
        """;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
