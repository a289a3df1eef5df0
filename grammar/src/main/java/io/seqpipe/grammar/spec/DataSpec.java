package io.seqpipe.grammar.spec;

/**
 * Where the data comes from. Paths are as written, relative to the pipeline file's directory; for
 * {@code translate} they are prefixes completed by the source and target languages ({@code train} ->
 * {@code train.es}, {@code train.en}).
 *
 * @param train training data (null only with a classify dataset)
 * @param dev development data, for early stopping and tuning (null only with a classify dataset)
 * @param test test data, or null
 * @param testSplit fraction of the training data held out as the test set when there is no test data
 * @param splitSeed the seed of the shuffle that holds out the test split, or null for {@code train.seed}:
 *     runs with different training seeds but one split seed are evaluated on the same test set
 * @param minLength shortest example kept, in tokens
 * @param maxLength longest example kept, in tokens
 */
public record DataSpec(String train, String dev, String test, double testSplit, Long splitSeed, int minLength,
    int maxLength) {

  /** The seed of the test split's shuffle: {@link #splitSeed}, or {@code trainSeed} when it is not given. */
  public long splitSeed(long trainSeed) {
    return splitSeed == null ? trainSeed : splitSeed;
  }
}
