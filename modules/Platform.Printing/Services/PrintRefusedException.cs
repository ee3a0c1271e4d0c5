using Microsoft.Extensions.Localization;

namespace Platform.Printing.Services;

/// <summary>
/// Why a template could not be printed, said for the person who wrote it: a message code of the module's texts with its arguments
/// (the line and column of a syntax error; the limit a template ran past), and the English text for logs and tools.
/// </summary>
public sealed class PrintRefusedException(string code, string message, params object[] arguments) : Exception(message)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;

    /// <summary>The refusal in the reader's language; the English text where the module has no words for its code.</summary>
    public string Say(IStringLocalizer text)
    {
        var message = text[Code, [.. Arguments]];
        return message.ResourceNotFound ? Message : message.Value;
    }
}
