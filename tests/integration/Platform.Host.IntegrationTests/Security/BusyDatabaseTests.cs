using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security;

/// <summary>
/// SQLite has one writer. While another change holds the database's writes (as an all-or-nothing import does for its length),
/// someone already signed in still reads — noting when their token was last used gives up rather than holding the call — and a
/// change that waited its whole time is answered 503 with a message in the caller's language and a time to try again, nothing
/// saved; once the writer is done the same request goes through.
/// </summary>
public sealed class BusyDatabaseTests
{
    [Fact]
    public async Task While_another_change_holds_the_database_a_signed_in_user_reads_and_a_sign_in_is_told_to_try_again()
    {
        await using var database = await TestDatabase.CreateAsync("Sqlite");
        var file = Path.Combine(database.DataDirectory, "platform.db");
        // A short wait for the database, so the refusal comes in seconds rather than the default 30.
        await using var host = PlatformHost.Start(database, ("ConnectionStrings:Platform", $"Data Source={file};Default Timeout=3"));
        var admin = await host.CreateAdminClientAsync();

        await using (var writer = new SqliteConnection($"Data Source={file}"))
        {
            await writer.OpenAsync();
            await using (var hold = writer.CreateCommand())
            {
                hold.CommandText = "BEGIN IMMEDIATE";
                await hold.ExecuteNonQueryAsync();
            }

            // The token was never used: reading it would note its use, a write.
            var clock = Stopwatch.StartNew();
            var me = await admin.GetAsync("/api/auth/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"reading waited {clock.Elapsed.TotalSeconds:F1} s behind the writer");

            foreach (var (language, words) in new[] { ("zh-CN", "数据库正忙"), ("en", "The database is busy") })
            {
                using var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/auth/token") { Content = JsonContent.Create(new { userName = "admin", password = PlatformHost.AdminPassword }) };
                signIn.Headers.AcceptLanguage.ParseAdd(language);
                var refused = await host.CreateAnonymousClient().SendAsync(signIn);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
                Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Contains(words, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
            }

            await using var done = writer.CreateCommand();
            done.CommandText = "ROLLBACK";
            await done.ExecuteNonQueryAsync();
        }

        var again = await host.CreateAnonymousClient().PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = PlatformHost.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }
}
