namespace Platform.Core.Security;

public enum ApiTokenKind
{
    /// <summary>Issued by <c>POST /api/auth/token</c> for a user name and password; short-lived.</summary>
    SignIn = 0,

    /// <summary>Created by a user for scripts and integrations; revocable by an administrator.</summary>
    Personal = 1,
}
