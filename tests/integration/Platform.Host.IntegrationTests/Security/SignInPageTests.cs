using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security;

/// <summary>The sign-in page, its cookie, the language switch remembered per user, and sign-out.</summary>
public sealed class SignInPageTests
{
    public static TheoryData<string> Providers => TestDatabase.Providers;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Signing_in_sets_a_cookie_that_opens_the_pages_and_returns_to_where_the_user_was(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var browser = host.CreateAnonymousClient();

        var response = await SignInForm.PostAsync(browser, "admin", PlatformHost.AdminPassword, "/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/users", response.Headers.Location!.IsAbsoluteUri ? response.Headers.Location.PathAndQuery : response.Headers.Location.OriginalString);
        var users = await browser.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.OK, users.StatusCode);
        Assert.Contains("users-grid", await users.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_wrong_password_shows_a_generic_message_and_counts_toward_lockout(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var browser = host.CreateAnonymousClient();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var wrong = await SignInForm.PostAsync(browser, "admin", "wrong-passw0rd");
        var unknown = await SignInForm.PostAsync(browser, "ghost", "wrong-passw0rd");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("用户名或密码不正确。", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("用户名或密码不正确。", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
        var failures = await host.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PlatformUser>>();
            return await users.GetAccessFailedCountAsync((await users.FindByNameAsync("admin"))!);
        });
        Assert.Equal(1, failures);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_post_without_the_antiforgery_token_is_refused(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var browser = host.CreateAnonymousClient();

        var response = await browser.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in", ["Input.UserName"] = "admin", ["Input.Password"] = PlatformHost.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_chosen_language_is_remembered_on_the_account_and_restored_at_the_next_sign_in(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var firstBrowser = host.CreateAnonymousClient();
        await SignInForm.PostAsync(firstBrowser, "admin", PlatformHost.AdminPassword);

        var switched = await firstBrowser.GetAsync("/culture/set?culture=en&returnUrl=%2Fadmin%2Fusers");
        var home = await (await firstBrowser.GetAsync("/")).Content.ReadAsStringAsync();

        Assert.Equal("/admin/users", switched.Headers.Location!.OriginalString);
        Assert.Contains("<html lang=\"en\">", home, StringComparison.Ordinal);
        var otherBrowser = host.CreateAnonymousClient();
        otherBrowser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var signedIn = await SignInForm.PostAsync(otherBrowser, "admin", PlatformHost.AdminPassword);
        Assert.Contains(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));
        Assert.Contains("<html lang=\"en\">", await (await otherBrowser.GetAsync("/")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Chinese_is_the_default_and_unknown_languages_or_foreign_return_urls_are_refused(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var browser = host.CreateAnonymousClient();

        var page = await browser.GetStringAsync("/account/sign-in");
        var unknown = await browser.GetAsync("/culture/set?culture=klingon");
        var foreign = await browser.GetAsync("/culture/set?culture=en&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Contains("<html lang=\"zh-CN\">", page, StringComparison.Ordinal);
        Assert.Contains("登录", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("/", foreign.Headers.Location!.OriginalString);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Locking_a_user_ends_their_open_sessions(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider, ("Platform:Security:SessionRevalidationSeconds", "0"));
        var id = await Accounts.CreateUserAsync(host, "wang", "Wang-passw0rd1");
        var browser = host.CreateAnonymousClient();
        await SignInForm.PostAsync(browser, "wang", "Wang-passw0rd1");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/")).StatusCode);

        await host.InScopeAsync(async services =>
        {
            var users = services.GetRequiredService<Platform.Identity.Services.UserAdministration>();
            var edit = await users.GetAsync(id);
            edit!.IsLockedOut = true;
            Assert.True((await users.SaveAsync(edit)).Succeeded);
            return 0;
        });

        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Signing_out_ends_the_session(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        var browser = host.CreateAnonymousClient();
        await SignInForm.PostAsync(browser, "admin", PlatformHost.AdminPassword);
        var home = await browser.GetStringAsync("/");

        var signOut = await browser.PostAsync("/account/sign-out", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SignInForm.AntiforgeryTokenIn(home),
        }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/")).StatusCode);
    }
}
