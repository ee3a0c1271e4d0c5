using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Platform.Core.Security;
using Platform.Data;
using Platform.Web.Data;

namespace Platform.Cli.Commands;

/// <summary><c>platform users reset-password NAME [--password NEW]</c>: for the admin who is locked out or forgot.</summary>
public static class ResetPasswordCommand
{
    public static async Task<int> RunAsync(string userName, IReadOnlyList<string> options, IReadOnlyDictionary<string, string?> settings, TextWriter output, TextWriter error)
    {
        var given = CliArguments.ValueOf(options, "--password");
        await using var services = CliServices.Build(settings, CliArguments.ValueOf(options, "--content-root"), out var database);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        if (!await db.GetService<IRelationalDatabaseCreator>().ExistsAsync() || !(await db.Database.GetAppliedMigrationsAsync()).Any())
        {
            await error.WriteLineAsync($"No platform database found ({database.Provider.Name}, data directory {database.DataDirectory}). Start the host once, or point --content-root / --ConnectionStrings:Platform at the right one.");
            return CliApplication.Failed;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlatformUser>>();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            await error.WriteLineAsync($"There is no user named '{userName}'.");
            return CliApplication.Failed;
        }

        var password = given ?? AdministratorSeeder.GeneratePassword();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(user, password);
        }

        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, null);
        }

        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            await error.WriteLineAsync($"The password was not changed: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            return CliApplication.Failed;
        }

        await transaction.CommitAsync();
        await output.WriteLineAsync(given is null
            ? $"New password for {userName}: {password}"
            : $"Password for {userName} changed.");
        await output.WriteLineAsync("The account is unlocked.");
        return CliApplication.Ok;
    }
}
