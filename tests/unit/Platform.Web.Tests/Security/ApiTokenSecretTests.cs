using Platform.Web.Security;

namespace Platform.Web.Tests.Security;

public sealed class ApiTokenSecretTests
{
    [Fact]
    public void Secrets_are_unique_url_safe_and_carry_the_marker()
    {
        var secrets = Enumerable.Range(0, 1000).Select(_ => ApiTokenSecret.Create()).ToList();

        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        Assert.All(secrets, s =>
        {
            Assert.StartsWith(ApiTokenSecret.Marker, s, StringComparison.Ordinal);
            Assert.Matches("^plt_[A-Za-z0-9_-]{43}$", s);
        });
    }

    [Fact]
    public void Only_a_hash_is_kept_and_the_prefix_does_not_give_the_secret_away()
    {
        var secret = ApiTokenSecret.Create();
        var hash = ApiTokenSecret.Hash(secret);

        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(secret[4..], hash, StringComparison.Ordinal);
        Assert.Equal(hash, ApiTokenSecret.Hash(secret));
        Assert.Equal(10, ApiTokenSecret.PrefixOf(secret).Length);
    }
}
