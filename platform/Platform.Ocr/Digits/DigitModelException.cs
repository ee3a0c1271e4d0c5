namespace Platform.Ocr.Digits;

/// <summary>The digit model cannot be used: missing, corrupt, or not the model the reader expects; the message names the file.</summary>
public sealed class DigitModelException(string message, Exception? inner = null) : Exception(message, inner);
