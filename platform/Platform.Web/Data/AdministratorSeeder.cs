using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Configuration;
using Platform.Abstractions.Security;
using Platform.Core.Security;
using Platform.Web.Hosting;

namespace Platform.Web.Data;

/// <summary>
/// On first run creates the Administrator role and the admin account. Without a configured
/// password a random one is generated and printed once to the console; it is never logged.
/// </summary>
public sealed class AdministratorSeeder(UserManager<PlatformUser> users, RoleManager<PlatformRole> roles, ILogger<AdministratorSeeder> logger)
{
    public async Task SeedAsync(AdminAccountOptions admin, TextWriter console)
    {
        if (!await roles.RoleExistsAsync(PlatformRoles.Administrator))
        {
            Check(await roles.CreateAsync(new PlatformRole(PlatformRoles.Administrator) { Description = PlatformRoles.AdministratorDescription }), "create the Administrator role");
        }

        if (await users.FindByNameAsync(admin.UserName) is not null)
        {
            return;
        }

        var generated = string.IsNullOrEmpty(admin.Password);
        var password = generated ? GeneratePassword() : admin.Password!;
        var user = new PlatformUser { UserName = admin.UserName, DisplayName = admin.UserName };
        Check(await users.CreateAsync(user, password), $"create the admin account '{admin.UserName}' (Platform:Admin)");
        Check(await users.AddToRoleAsync(user, PlatformRoles.Administrator), "make the admin an Administrator");
        logger.LogInformation("Created the administrator account {UserName}", admin.UserName);
        if (generated)
        {
            await console.WriteLineAsync($"""

                ================================================================
                 First run: administrator account created.
                   user name: {admin.UserName}
                   password:  {password}
                 This password is shown only now. Change it after signing in,
                 or set Platform:Admin:Password before the first run.
                ================================================================

                """);
        }
    }

    /// <summary>16 characters from an alphabet without look-alikes; always has a digit and a lower-case letter.</summary>
    public static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = RandomNumberGenerator.GetItems((letters + digits).AsSpan(), 14).ToList();
        chars.Add(digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        chars.Add(letters[RandomNumberGenerator.GetInt32(23)]);
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars));
        return new string([.. chars]);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new PlatformConfigurationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
