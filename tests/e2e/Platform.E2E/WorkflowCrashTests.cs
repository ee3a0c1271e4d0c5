using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Platform.E2E;

/// <summary>
/// The host is killed (SIGKILL) while instances are mid-flight — timers pending and firing, records
/// being created by service tasks, tasks being completed — and started again on the same data: every
/// instance finishes, and each step's work happened exactly once.
/// </summary>
public sealed class WorkflowCrashTests
{
    private const int Instances = 120;

    private const string Process = """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:platform="https://schemas.platform.local/bpmn" id="d">
          <process id="crash_check" isExecutable="true">
            <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>${'PT' + (1 + n % 6) + 'S'}</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="create"/>
            <serviceTask id="create" platform:action="createRecord" platform:entity="customer" platform:values="{ name: 'crash-' + n }"/>
            <sequenceFlow id="f3" sourceRef="create" targetRef="confirm"/>
            <userTask id="confirm" name="Confirm"/>
            <sequenceFlow id="f4" sourceRef="confirm" targetRef="e"/><endEvent id="e"/>
          </process>
        </definitions>
        """;

    private static string Samples => Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "packages", "samples");

    private static async Task<List<string>> CrashCustomersAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/odata/customer?$select=name&$top=1000&$filter=startswith(name,'crash-')");
        return [.. page.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];
    }

    /// <summary>Completes open tasks as they appear until stopped (or the host dies under it).</summary>
    private static async Task CompleteTasksAsync(HttpClient client, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var tasks = await client.GetFromJsonAsync<JsonElement>("/api/workflows/tasks/mine", stop);
                foreach (var task in tasks.EnumerateArray())
                {
                    await client.PostAsJsonAsync($"/api/workflows/tasks/{task.GetProperty("id").GetGuid()}/complete", new { }, stop);
                }

                await Task.Delay(50, stop);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(100, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task A_host_killed_mid_flight_finishes_every_instance_on_restart_with_each_step_done_once()
    {
        var settings = new[] { ("Platform__Packages__0", Samples) };
        var first = await HostProcess.StartAsync(null, settings);
        var dataDirectory = first.DataDirectory;
        List<Guid> started = [];
        int createdBeforeKill;
        await using (first)
        {
            var admin = await first.SignInAsync();
            var deployed = await admin.PostAsync("/api/workflows/processes", new StringContent(Process, Encoding.UTF8, "application/xml"));
            Assert.True(deployed.IsSuccessStatusCode, await deployed.Content.ReadAsStringAsync());
            for (var n = 0; n < Instances; n++)
            {
                var response = await admin.PostAsJsonAsync("/api/workflows/processes/crash_check/instances", new { variables = new { n } });
                started.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
            }

            using var stop = new CancellationTokenSource();
            var completer = CompleteTasksAsync(await first.SignInAsync(), stop.Token);

            // Kill as soon as the timers have begun to fire, well before they all have.
            while ((createdBeforeKill = (await CrashCustomersAsync(admin)).Count) < 10)
            {
                await Task.Delay(20);
            }

            await first.KillAsync();
            await stop.CancelAsync();
            await completer;
        }

        await using var second = await HostProcess.StartAsync(dataDirectory, settings);
        var client = await second.SignInAsync();
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90)))
        {
            var completer = CompleteTasksAsync(await second.SignInAsync(), stop.Token);
            while (!stop.IsCancellationRequested)
            {
                var completed = (await client.GetFromJsonAsync<JsonElement>("/api/workflows/instances?status=completed")).GetArrayLength();
                if (completed == Instances)
                {
                    break;
                }

                await Task.Delay(200);
            }

            await stop.CancelAsync();
            await completer;
        }

        Assert.True(createdBeforeKill < Instances, $"The kill came after every timer had fired ({createdBeforeKill}); the test proved nothing.");
        var customers = await CrashCustomersAsync(client);
        Assert.Equal(Instances, customers.Count);
        Assert.Equal(Enumerable.Range(0, Instances).Select(n => $"crash-{n}").Order(StringComparer.Ordinal), customers.Order(StringComparer.Ordinal));
        foreach (var id in started)
        {
            var instance = await client.GetFromJsonAsync<JsonElement>($"/api/workflows/instances/{id}");
            Assert.Equal("completed", instance.GetProperty("instance").GetProperty("status").GetString());
            var events = instance.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("event").GetString()).ToList();
            Assert.Equal(1, events.Count(e => e == "timerFired"));
            Assert.Equal(1, events.Count(e => e == "performed"));
            Assert.Equal(1, events.Count(e => e == "taskCompleted"));
        }
    }
}
