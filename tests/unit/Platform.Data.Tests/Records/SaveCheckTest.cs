namespace Platform.Data.Tests.Records;

/// <summary>A test of one save check, each on a fresh <see cref="SaveCheckBench"/>.</summary>
public abstract class SaveCheckTest : IAsyncLifetime
{
    private protected SaveCheckBench Bench { get; private set; } = null!;

    public async Task InitializeAsync() => Bench = await SaveCheckBench.OpenAsync();

    public async Task DisposeAsync() => await Bench.DisposeAsync();
}
