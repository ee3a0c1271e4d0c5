using System.Globalization;

namespace Platform.Load;

/// <summary>What to run: where, how many people for how long, and whether to kill a host part way (SIGKILL, by process id).</summary>
internal sealed record LoadOptions(Uri Url, int Users, int Seconds, int? KillPid, int KillAt, string AdminPassword, int ImportRows, int Accounts)
{
    public static LoadOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Number(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadOptions(
            new Uri(Value("--url") ?? "http://127.0.0.1:8080"), Number("--users", 200), Number("--seconds", 300),
            Value("--kill-pid") is { } pid ? int.Parse(pid, CultureInfo.InvariantCulture) : null, Number("--kill-at", 150),
            Value("--admin-password") ?? Environment.GetEnvironmentVariable("PLATFORM_ADMIN_PASSWORD") ?? "Admin-passw0rd",
            Number("--import-rows", 5000), Number("--accounts", 20));
    }
}
