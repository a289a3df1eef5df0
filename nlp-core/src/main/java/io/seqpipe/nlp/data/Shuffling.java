package io.seqpipe.nlp.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Seeded shuffles: the same seed gives the same order on every JVM ({@link Random}'s algorithm is
 * fixed by its specification).
 *
 * <pre>{@code
 * List<ClassificationExample> order = Shuffling.shuffled(train, 42);
 * }</pre>
 */
public final class Shuffling {
  private Shuffling() {}

  /** A shuffled copy of {@code items}. */
  public static <T> List<T> shuffled(List<T> items, long seed) {
    List<T> copy = new ArrayList<>(items);
    Collections.shuffle(copy, new Random(seed));
    return copy;
  }
}
