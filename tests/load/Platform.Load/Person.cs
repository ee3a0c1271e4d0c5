using System.Net;
using System.Text.Json;

namespace Platform.Load;

/// <summary>
/// One simulated salesperson: thinks 0.5–1.5 s between actions, then lists customers (40 %), opens one (20 %), saves a new
/// customer (20 %), enters an order (12 %) or submits an order for approval (8 %). What the platform acknowledged is noted.
/// </summary>
internal sealed class Person(int number, Api api, Sales sales, Recorder recorder)
{
    private readonly Random _random = new(number);

    /// <summary>Names differ from run to run (a second run against the same database would otherwise save the first run's customers again).</summary>
    private readonly Random _names = new();
    private readonly List<string> _customers = [];
    private readonly Queue<string> _drafts = new();
    private readonly string _token = sales.SalesTokens[number % sales.SalesTokens.Count];

    public async Task RunAsync(DateTime until)
    {
        await Task.Delay(_random.Next(0, 2000)); // people do not all start at the same instant
        while (DateTime.UtcNow < until)
        {
            var roll = _random.Next(100);
            var action = roll switch
            {
                < 40 => ListAsync(),
                < 60 when _customers.Count > 0 => OpenAsync(),
                < 80 => SaveCustomerAsync(),
                < 92 when _customers.Count > 0 => OrderAsync(),
                _ when _drafts.Count > 0 => SubmitAsync(),
                _ => ListAsync(),
            };
            await action;
            await Task.Delay(500 + _random.Next(1000));
        }
    }

    private async Task ListAsync() =>
        (await recorder.TimeAsync("list", () => api.SendAsync(HttpMethod.Get, "/odata/customer?$top=20&$count=true&$orderby=name", _token)))?.Dispose();

    private async Task OpenAsync() =>
        (await recorder.TimeAsync("form", () => api.SendAsync(HttpMethod.Get, $"/odata/customer({_customers[_random.Next(_customers.Count)]})", _token)))?.Dispose();

    private async Task SaveCustomerAsync()
    {
        // A name like a real company's: four characters drawn from the common CJK block. Names made of a shared prefix and
        // numbers would all be alike to the CRM's duplicate rules (same characters after punctuation is dropped, the same pairs).
        var name = new string([.. Enumerable.Range(0, 4).Select(_ => (char)_names.Next(0x4E00, 0x9FA6))]) + "贸易有限公司";
        var response = await recorder.TimeAsync("save", () => api.SendAsync(HttpMethod.Post, "/odata/customer", _token, new { name, region = sales.Region }), r => r.StatusCode == HttpStatusCode.Created);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            sales.Customers.Add(name);
            _customers.Add(await IdAsync(response));
        }
    }

    private async Task OrderAsync()
    {
        var body = new
        {
            customer = _customers[_random.Next(_customers.Count)], orderDate = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            lines = new[] { new { product = sales.Product, quantity = 1 + _random.Next(20) } },
        };
        var response = await recorder.TimeAsync("order", () => api.SendAsync(HttpMethod.Post, "/odata/sales_order", _token, body), r => r.StatusCode == HttpStatusCode.Created);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            var id = await IdAsync(response);
            sales.Orders.Add(id);
            _drafts.Enqueue(id);
        }
    }

    private async Task SubmitAsync()
    {
        var order = _drafts.Dequeue();
        var response = await recorder.TimeAsync("submit", () => api.SendAsync(HttpMethod.Post, "/api/workflows/processes/crm_sales_order_approval/instances", _token,
            new { entity = "sales_order", recordId = order }), r => r.StatusCode == HttpStatusCode.Created);
        if (response?.StatusCode == HttpStatusCode.Created)
        {
            sales.Submitted.Add(await IdAsync(response));
        }
    }

    private static async Task<string> IdAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").ToString();
}
