using System.Globalization;
using Platform.Web.Localization;
using Platform.Web.Security;

namespace Platform.Web.Tests.Security;

public sealed class LocalizedIdentityErrorDescriberTests
{
    [Theory]
    [InlineData("zh-CN", "密码至少需要 8 个字符。")]
    [InlineData("en", "Passwords need at least 8 characters.")]
    public void Password_rules_are_explained_in_the_users_language(string culture, string expected)
    {
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var describer = new LocalizedIdentityErrorDescriber(new CatalogStringLocalizer(new LocalizationCatalog([typeof(LocalizationCatalog).Assembly])));

            Assert.Equal(expected, describer.PasswordTooShort(8).Description);
            Assert.Equal("PasswordTooShort", describer.PasswordTooShort(8).Code);
            var all = new[]
            {
                describer.DefaultError(), describer.PasswordMismatch(), describer.PasswordRequiresDigit(), describer.PasswordRequiresLower(),
                describer.PasswordRequiresUpper(), describer.PasswordRequiresNonAlphanumeric(), describer.PasswordRequiresUniqueChars(3),
                describer.DuplicateUserName("x"), describer.InvalidUserName("x"), describer.InvalidEmail("x"), describer.DuplicateEmail("x"),
                describer.DuplicateRoleName("x"), describer.InvalidRoleName("x"), describer.ConcurrencyFailure(),
            };
            Assert.All(all, e => Assert.DoesNotContain("Platform.IdentityError", e.Description, StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }
}
