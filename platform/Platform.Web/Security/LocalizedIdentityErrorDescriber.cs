using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Platform.Web.Security;

/// <summary>Identity's validation messages (password rules, duplicate names) in the user's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit));

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower));

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper));

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), userName);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), userName ?? "");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), email ?? "");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), email);

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), role);

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), role ?? "");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure));

    private IdentityError Error(string code, params object[] arguments) =>
        new() { Code = code, Description = localizer[$"Platform.IdentityError.{code}", arguments] };
}
