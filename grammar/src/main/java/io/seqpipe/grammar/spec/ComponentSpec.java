package io.seqpipe.grammar.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named component with text parameters, e.g. Lucene's {@code stop} filter with {@code words=english}.
 *
 * @param params parameters, sorted by name
 */
public record ComponentSpec(String name, Map<String, String> params) {
  public ComponentSpec {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  public static ComponentSpec of(String name) {
    return new ComponentSpec(name, Map.of());
  }
}
