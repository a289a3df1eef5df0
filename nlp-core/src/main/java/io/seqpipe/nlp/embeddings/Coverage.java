package io.seqpipe.nlp.embeddings;

/**
 * How much of a vocabulary pretrained embeddings cover.
 *
 * @param words ordinary vocabulary words (reserved tokens not counted)
 * @param exact words found as they are
 * @param lowercased words found only through their lowercase form
 */
public record Coverage(int words, int exact, int lowercased) {

  public int found() {
    return exact + lowercased;
  }

  /** Found words over all words, 0 for an empty vocabulary. */
  public double ratio() {
    return words == 0 ? 0.0 : (double) found() / words;
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%d of %d words (%.1f%%; %d through lowercase)",
        found(), words, 100 * ratio(), lowercased);
  }
}
