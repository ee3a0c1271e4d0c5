using Platform.Host.IntegrationTests.Infrastructure;

namespace Platform.Host.IntegrationTests.Security.Probes;

/// <summary>A class fixture: one probe site per provider, started when a test first asks for it and stopped after the class.</summary>
public sealed class ProbeSites : IAsyncLifetime
{
    private readonly Dictionary<string, Task<ProbeSite>> _sites = [];
    private readonly Lock _lock = new();

    public Task<ProbeSite> ForAsync(string provider)
    {
        TestDatabase.SkipUnlessAvailable(provider);
        lock (_lock)
        {
            if (!_sites.TryGetValue(provider, out var site) || site.IsFaulted)
            {
                _sites[provider] = site = ProbeSite.StartAsync(provider);
            }

            return site;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var site in _sites.Values.Where(s => s.IsCompletedSuccessfully))
        {
            await (await site).DisposeAsync();
        }
    }
}
