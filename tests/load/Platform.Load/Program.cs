using System.Diagnostics;
using System.Globalization;
using Platform.Load;

// A bounded load on loopback: salespeople (lists, forms, saves, orders, approvals), their manager approving, and an import,
// for a fixed time; optionally one host killed (SIGKILL) part way. Then every acknowledged save, order and approval is looked up.
var options = LoadOptions.Parse(args);
var api = new Api(options.Url);
var sales = await Sales.SetUpAsync(api, options);
var recorder = new Recorder();
var until = DateTime.UtcNow.AddSeconds(options.Seconds);
Console.WriteLine($"load: {options.Users} people for {options.Seconds} s on {options.Url} (run {sales.Tag})");

var import = new BackgroundImport(api, sales, options.ImportRows);
var work = new List<Task>(Enumerable.Range(0, options.Users).Select(n => new Person(n, api, sales, recorder).RunAsync(until)))
{
    new Manager(api, sales, recorder).RunAsync(until.AddSeconds(20)), // and a little longer, for the last submissions
    import.RunAsync(TimeSpan.FromSeconds(Math.Min(20, options.Seconds / 4)), until.AddMinutes(5)),
};
double? killedAt = null;
if (options.KillPid is { } pid)
{
    work.Add(Task.Run(async () =>
    {
        await Task.Delay(TimeSpan.FromSeconds(options.KillAt));
        Process.GetProcessById(pid).Kill();
        killedAt = recorder.Seconds;
        Console.WriteLine($"load: killed host process {pid} (SIGKILL) at {killedAt:F0} s");
    }));
}

await Task.WhenAll(work);
var seconds = options.Seconds;
Console.WriteLine(recorder.Report(seconds));

// What was acknowledged is there.
var customers = (await api.AllAsync($"/odata/customer?$select=name&$filter=region eq '{sales.Region}'", sales.AdminToken, "name")).ToHashSet(StringComparer.Ordinal);
var lostCustomers = sales.Customers.Count(c => !customers.Contains(c));
var orders = (await api.AllAsync("/odata/sales_order?$select=id", sales.AdminToken, "id")).ToHashSet(StringComparer.OrdinalIgnoreCase);
var lostOrders = sales.Orders.Count(o => !orders.Contains(o));
var notCompleted = 0;
foreach (var instance in sales.Approved.Distinct())
{
    var state = await api.JsonAsync(HttpMethod.Get, $"/api/workflows/instances/{instance}", sales.AdminToken);
    notCompleted += state.GetProperty("instance").GetProperty("status").GetString() == "completed" ? 0 : 1;
}

var imported = (await api.AllAsync($"/odata/customer?$select=name&$filter=region eq '{import.Region}'", sales.AdminToken, "name")).Count;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""

    acknowledged customers {sales.Customers.Count}, missing {lostCustomers}
    acknowledged orders {sales.Orders.Count}, missing {lostOrders}
    approvals submitted {sales.Submitted.Count}, approved {sales.Approved.Count}, approved but not completed {notCompleted}
    import of {options.ImportRows} rows: {import.Status}, {import.Inserted} inserted, {imported} customers found
    errors {recorder.Errors.Count}{(killedAt is { } k ? $" (host killed at {k:F0} s)" : "")}
    """));
foreach (var error in recorder.Errors.Take(15))
{
    Console.WriteLine($"  {error}");
}

return lostCustomers + lostOrders + notCompleted == 0 && import.Status == "completed" && imported == options.ImportRows ? 0 : 1;
