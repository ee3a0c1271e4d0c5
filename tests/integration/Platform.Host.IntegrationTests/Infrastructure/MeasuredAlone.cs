namespace Platform.Host.IntegrationTests.Infrastructure;

/// <summary>Tests that measure the process (memory) run with no other test beside them.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAlone
{
    public const string Name = "measured alone";
}
