using Microsoft.AspNetCore.Http;

namespace Platform.Web.Security;

/// <summary>
/// A stricter content security policy for one answer, which the platform's security headers send in place of the site's: a file
/// served as it was uploaded, a print preview — nothing in them may run or load. Set while handling the request.
/// </summary>
public static class AnswerPolicy
{
    private const string Key = "Platform.Web.AnswerPolicy";

    /// <param name="frameOptions"><c>DENY</c>, or <c>SAMEORIGIN</c> for an answer this host's own pages show in a frame.</param>
    public static void Set(HttpContext context, string contentSecurityPolicy, string frameOptions = "DENY") => context.Items[Key] = (contentSecurityPolicy, frameOptions);

    /// <summary>The answer's own policy and frame options, or null for the site's.</summary>
    public static (string ContentSecurityPolicy, string FrameOptions)? Of(HttpContext context) =>
        context.Items.TryGetValue(Key, out var policy) && policy is (string csp, string frames) ? (csp, frames) : null;
}
