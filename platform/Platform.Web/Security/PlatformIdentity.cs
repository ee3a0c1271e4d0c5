using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data;

namespace Platform.Web.Security;

/// <summary>Identity rules shared by the host and the CLI, so a password set in either passes the same checks.</summary>
public static class PlatformIdentity
{
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        // People sign in with names such as 张三; any character but white space is allowed (checked on save).
        options.User.AllowedUserNameCharacters = "";
        options.User.RequireUniqueEmail = false;
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>User and role managers on the platform database, without cookies (for the CLI).</summary>
    public static IdentityBuilder AddPlatformIdentityCore(this IServiceCollection services) =>
        services.AddIdentityCore<PlatformUser>(Configure)
            .AddRoles<PlatformRole>()
            .AddEntityFrameworkStores<PlatformDbContext>();
}
