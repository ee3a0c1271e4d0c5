using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Platform.E2E;

/// <summary>
/// The product as a user runs it: Platform.Host started from its build output on a free loopback
/// port, with a fresh SQLite data folder. Killed and cleaned up afterwards.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminPassword = "E2e-admin-passw0rd";

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private HostProcess(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    /// <summary>The host's process id (it names the host in job leases: machine/process/run).</summary>
    public int ProcessId => _process.Id;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>An API client of the administrator (bearer token), answered in <paramref name="language"/> when given.</summary>
    public async Task<HttpClient> SignInAsync(string? language = null)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/auth/token", new { userName = "admin", password = AdminPassword });
        response.EnsureSuccessStatusCode();
        var token = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>
    /// A client of this host carrying the token (and language) of <paramref name="signedIn"/>, a client of another host on the same
    /// database: a token outlives the host that issued it.
    /// </summary>
    public HttpClient SignedInAs(HttpClient signedIn)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        foreach (var language in signedIn.DefaultRequestHeaders.AcceptLanguage)
        {
            client.DefaultRequestHeaders.AcceptLanguage.Add(language);
        }

        return client;
    }

    /// <summary>Starts the host; on the data folder of a host that was killed when <paramref name="dataDirectory"/> is given (which it then keeps).</summary>
    public static async Task<HostProcess> StartAsync(string? dataDirectory = null, params (string Key, string Value)[] settings)
    {
        var hostDll = HostAssemblyPath();
        var port = FreePort();
        dataDirectory ??= Directory.CreateTempSubdirectory("platform-e2e-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(hostDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(hostDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["Platform__DataDirectory"] = dataDirectory;
        start.Environment["Platform__Admin__Password"] = AdminPassword;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var host = new HostProcess(process, $"http://127.0.0.1:{port}", dataDirectory);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(60));
        return host;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan limit)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not answer /health within {limit.TotalSeconds} s:\n{Log}");
    }

    /// <summary>Platform.Host.dll in the host's own output folder, built with the same configuration as these tests.</summary>
    private static string HostAssemblyPath()
    {
        var configuration = typeof(HostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var path = Path.Combine(Platform.Tests.RepositoryFolder.Root, "apps", "Platform.Host", "bin", configuration, "net10.0", "Platform.Host.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the host first: {path} is missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills the host at once (SIGKILL): no shutdown, no flush — as a power cut or an OOM kill would. The data folder stays.</summary>
    public async Task KillAsync()
    {
        _keepData = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private bool _keepData;

    /// <summary>
    /// The host's log when it holds an error of use (a circuit that died, an unhandled exception), written where a failed run can be read: the test
    /// run's error output and a file beside the screenshots. Nothing when the host logged none.
    /// </summary>
    private void ReportErrors()
    {
        var log = Log;
        // Not the first start's "no migrations table yet", which every host logs: what fails while people use it.
        if (!log.Contains("Unhandled", StringComparison.OrdinalIgnoreCase) && !log.Contains("crit:", StringComparison.Ordinal) && !log.Contains("Circuits", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"host-{_process.Id}.log"), log);
        Console.Error.WriteLine($"The browser tests' host (process {_process.Id}) logged errors:\n{log}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        ReportErrors();
        _process.Dispose();
        if (_keepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // left for the OS to clean
        }
    }
}
