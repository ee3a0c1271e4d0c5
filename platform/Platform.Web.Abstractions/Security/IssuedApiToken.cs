using Platform.Core.Security;

namespace Platform.Web.Security;

/// <summary>A freshly issued token and its secret, which is never stored and never shown again.</summary>
public sealed record IssuedApiToken(ApiToken Token, string Secret);
