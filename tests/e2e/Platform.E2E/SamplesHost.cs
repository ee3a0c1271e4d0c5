using static Platform.E2E.PageDriver;

namespace Platform.E2E;

/// <summary>
/// One host with the sample package and an administrator's API client, shared by the tests of a
/// class: each test makes its own records (names and codes no other test of the class uses) and
/// chooses its language when it signs in.
/// </summary>
public sealed class SamplesHost : IAsyncLifetime
{
    public HostProcess? Host { get; private set; }

    public HttpClient? Api { get; private set; }

    public async Task InitializeAsync()
    {
        if (BrowserSession.ChromiumPath is null)
        {
            return; // each test skips with the reason
        }

        Host = await HostProcess.StartAsync(null, ("Platform__Packages__0", Samples));
        Api = await AdminApiAsync(Host);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}
