namespace Platform.Ocr.Corpus;

/// <summary>Where the corpus's handwritten digits come from: a 28 × 28 picture of the digit (255 = full ink), row by row.</summary>
public interface IHandwriting
{
    byte[] Pick(int digit, Random random);
}
