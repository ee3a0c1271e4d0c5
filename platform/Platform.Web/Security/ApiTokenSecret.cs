using System.Security.Cryptography;
using System.Text;

namespace Platform.Web.Security;

/// <summary>Makes token secrets and their stored hashes. Secrets look like <c>plt_</c> + 43 URL-safe characters.</summary>
public static class ApiTokenSecret
{
    public const string Marker = "plt_";

    public static string Create() =>
        Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret[..Math.Min(secret.Length, Marker.Length + 6)];
}
