using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>Accepts <c>Authorization: Bearer plt_…</c> for any active sign-in or personal token of an active user.</summary>
internal sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    SignInManager<PlatformUser> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PlatformToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!PlatformAuthentication.TryReadBearer(Request, out var secret))
        {
            return AuthenticateResult.NoResult();
        }

        var token = await tokens.FindActiveAsync(secret, Context.RequestAborted);
        if (token?.User is null)
        {
            return AuthenticateResult.Fail("The token is unknown, expired or revoked.");
        }

        if (!await signIn.CanSignInAsync(token.User) || await signIn.UserManager.IsLockedOutAsync(token.User))
        {
            return AuthenticateResult.Fail("The token's user cannot sign in.");
        }

        var principal = await signIn.CreateUserPrincipalAsync(token.User);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
