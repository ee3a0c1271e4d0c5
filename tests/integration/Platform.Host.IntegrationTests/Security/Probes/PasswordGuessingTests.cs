using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Core.Security;
using Platform.Data;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>
/// Probes 2 and 3: twenty wrong passwords sent at once left the failure count at one, and unknown
/// names answered fifteen times faster than real ones and were never "locked". Now every failure
/// counts, and unknown and locked names cost one password hash like any other attempt.
/// </summary>
public sealed class PasswordGuessingTests
{
    private const string Password = "Right-passw0rd";

    public static TheoryData<string> Providers => TestDatabase.Providers;

    private static Task<HttpResponseMessage> TokenAsync(HttpClient client, string user, string password) =>
        client.PostAsJsonAsync("/api/auth/token", new { userName = user, password });

    private static async Task<string> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Twenty_wrong_passwords_sent_at_once_lock_the_account(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateUserAsync(host, "victim", Password);
        var client = host.CreateAnonymousClient();

        var guesses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => TokenAsync(client, "victim", $"guess-{i}-x1")));
        var right = await TokenAsync(client, "victim", Password);

        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("locked", await TitleAsync(right), StringComparison.Ordinal);
        var lockoutEnd = await host.InScopeAsync(s => s.GetRequiredService<PlatformDbContext>().Users.Where(u => u.UserName == "victim").Select(u => u.LockoutEnd).SingleAsync());
        Assert.True(lockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Parallel_guesses_through_the_sign_in_form_lock_the_account_too(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateUserAsync(host, "victim2", Password);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => SignInForm.PostAsync(host.CreateAnonymousClient(), "victim2", $"guess-{i}-x1")));
        var right = await SignInForm.PostAsync(host.CreateAnonymousClient(), "victim2", Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, with the lockout message, no session
        Assert.DoesNotContain(right.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".Platform.Session=", StringComparison.Ordinal)));
        Assert.Contains("sign-in-error", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_right_password_after_a_few_failures_signs_in_and_clears_the_count(string provider)
    {
        await using var host = await PlatformHost.StartAsync(provider);
        await Accounts.CreateUserAsync(host, "forgetful", Password);
        var client = host.CreateAnonymousClient();

        for (var i = 0; i < 4; i++)
        {
            await TokenAsync(client, "forgetful", "not-it-1");
        }

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, "forgetful", Password)).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await TokenAsync(client, "forgetful", "not-it-1");
        }

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(client, "forgetful", Password)).StatusCode);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Unknown_names_cost_one_password_hash_and_lock_like_real_ones(string provider)
    {
        var hasher = new CountingPasswordHasher();
        await using var host = await PlatformHost.StartAsync(provider, services =>
        {
            services.RemoveAll<IPasswordHasher<PlatformUser>>();
            services.AddSingleton<IPasswordHasher<PlatformUser>>(hasher);
        });
        await Accounts.CreateUserAsync(host, "real", Password);
        var client = host.CreateAnonymousClient();

        var before = hasher.Verifications;
        var unknown = await TokenAsync(client, "nobody-here", "wrong-pass1");
        Assert.Equal(before + 1, hasher.Verifications);
        var known = await TokenAsync(client, "real", "wrong-pass1");
        Assert.Equal(before + 2, hasher.Verifications);
        Assert.Equal(await TitleAsync(known), await TitleAsync(unknown));

        HttpResponseMessage? lastReal = null, lastUnknown = null;
        for (var i = 0; i < 5; i++)
        {
            lastReal = await TokenAsync(client, "real", "wrong-pass1");
            lastUnknown = await TokenAsync(client, "nobody-here", "wrong-pass1");
        }

        var lockedBefore = hasher.Verifications;
        var lockedReal = await TokenAsync(client, "real", Password);
        Assert.Equal(lockedBefore + 1, hasher.Verifications); // a locked account still costs a hash
        Assert.Contains("locked", await TitleAsync(lockedReal), StringComparison.Ordinal);
        var unknownTitle = await TitleAsync(lastUnknown!);
        Assert.Equal(await TitleAsync(lastReal!), unknownTitle);
        Assert.Contains("locked", unknownTitle, StringComparison.Ordinal);
    }

    private sealed class CountingPasswordHasher : IPasswordHasher<PlatformUser>
    {
        private readonly PasswordHasher<PlatformUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PlatformUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PlatformUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
