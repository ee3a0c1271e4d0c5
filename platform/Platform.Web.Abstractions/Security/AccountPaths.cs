namespace Platform.Web.Security;

/// <summary>Where a person signs in, signs out and is told they may not see a page.</summary>
public static class AccountPaths
{
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string AccessDenied = "/account/access-denied";
}
