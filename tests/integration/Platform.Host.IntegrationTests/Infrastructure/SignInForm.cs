using System.Text.RegularExpressions;

namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>Signs in through the HTML form as a browser would: fetch the page, post the fields with its antiforgery token.</summary>
public static partial class SignInForm
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/sign-in" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"));
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = Antiforgery().Match(page).Groups[1].Value,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
            ["Input.ReturnUrl"] = ReturnUrlField().Match(page) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : "",
        };
        return await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryTokenIn(string html) => Antiforgery().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("name=\"Input.ReturnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrlField();
}
