using System.Net;
using System.Text.Json;

namespace Platform.Load;

/// <summary>The sales manager: every second reads their open tasks and approves each, noting the approvals acknowledged (204).</summary>
internal sealed class Manager(Api api, Sales sales, Recorder recorder)
{
    public async Task RunAsync(DateTime until)
    {
        while (DateTime.UtcNow < until)
        {
            var tasks = await recorder.TimeAsync("tasks", () => api.SendAsync(HttpMethod.Get, "/api/workflows/tasks/mine", sales.BossToken));
            if (tasks?.IsSuccessStatusCode == true)
            {
                foreach (var task in JsonDocument.Parse(await tasks.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList())
                {
                    var id = task.GetProperty("id").GetString();
                    var approved = await recorder.TimeAsync("approve", () => api.SendAsync(HttpMethod.Post, $"/api/workflows/tasks/{id}/approve", sales.BossToken, new { comment = "同意" }),
                        r => r.StatusCode == HttpStatusCode.NoContent);
                    if (approved?.StatusCode == HttpStatusCode.NoContent)
                    {
                        sales.Approved.Add(task.GetProperty("instanceId").GetString()!);
                    }
                }
            }

            await Task.Delay(1000);
        }
    }
}
