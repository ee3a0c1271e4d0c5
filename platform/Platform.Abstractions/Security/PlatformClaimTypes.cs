namespace Platform.Abstractions.Security;

/// <summary>Claim types the platform adds to a signed-in user.</summary>
public static class PlatformClaimTypes
{
    public const string Permission = "platform:permission";
    public const string DisplayName = "platform:display_name";
    public const string Department = "platform:department";
    public const string Culture = "platform:culture";
}
