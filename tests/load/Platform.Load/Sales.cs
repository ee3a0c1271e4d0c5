using System.Collections.Concurrent;

namespace Platform.Load;

/// <summary>The people of the run and what the platform acknowledged to them: customers and orders saved (201), approvals started and given.</summary>
internal sealed class Sales
{
    public const string Password = "Load-passw0rd";

    public required string Tag { get; init; }

    public required string AdminToken { get; init; }

    public required string BossToken { get; init; }

    public required List<string> SalesTokens { get; init; }

    public required string Product { get; init; }

    /// <summary>The customers of this run are told apart by their region.</summary>
    public string Region => $"load-{Tag}";

    public ConcurrentBag<string> Customers { get; } = [];

    public ConcurrentBag<string> Orders { get; } = [];

    public ConcurrentBag<string> Submitted { get; } = [];

    public ConcurrentBag<string> Approved { get; } = [];

    /// <summary>A department with a manager and <paramref name="accounts"/> salespeople (the CRM package's roles), and a product to order.</summary>
    public static async Task<Sales> SetUpAsync(Api api, LoadOptions options)
    {
        var tag = DateTime.UtcNow.ToString("MMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        var admin = await api.SignInAsync("admin", options.AdminPassword);
        var department = (await api.JsonAsync(HttpMethod.Post, "/api/admin/departments", admin, new { name = $"压测销售部 {tag}" })).GetProperty("id").GetString()!;
        async Task<string> UserAsync(string name, string role) =>
            (await api.JsonAsync(HttpMethod.Post, "/api/admin/users", admin,
                new { userName = name, password = Password, displayName = name, departmentId = department, roles = new[] { role } })).GetProperty("id").GetString()!;

        var boss = await UserAsync($"boss{tag}", "CRM sales manager");
        await api.JsonAsync(HttpMethod.Patch, $"/api/admin/departments/{department}", admin, new { managerId = boss });
        var tokens = new List<string>();
        for (var i = 0; i < options.Accounts; i++)
        {
            await UserAsync($"sales{tag}x{i}", "CRM salesperson");
            tokens.Add(await api.SignInAsync($"sales{tag}x{i}", Password));
        }

        var product = (await api.JsonAsync(HttpMethod.Post, "/odata/product", admin, new { code = $"LOAD-{tag}", name = $"压测产品 {tag}", price = 100 })).GetProperty("id").GetString()!;
        return new Sales { Tag = tag, AdminToken = admin, BossToken = await api.SignInAsync($"boss{tag}", Password), SalesTokens = tokens, Product = product };
    }
}
