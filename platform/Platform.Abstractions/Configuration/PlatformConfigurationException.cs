namespace Platform.Abstractions.Configuration;

/// <summary>Configuration that cannot work; start-up stops and prints the message.</summary>
public sealed class PlatformConfigurationException : Exception
{
    public PlatformConfigurationException()
    {
    }

    public PlatformConfigurationException(string message) : base(message)
    {
    }

    public PlatformConfigurationException(string message, Exception inner) : base(message, inner)
    {
    }
}
