package io.seqpipe.grammar.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named component with its parameters, every default filled in: an optimizer ({@code adam} with
 * {@code lr=0.001}), a schedule, or a Lucene analysis component ({@code stop} with {@code
 * words=english}, whose parameters are text).
 *
 * <pre>{@code
 * ComponentSpec adam = new ComponentSpec("adam", Map.of("lr", 1e-3, "weight_decay", 0.0));
 * double lr = adam.number("lr");
 * }</pre>
 *
 * @param params parameters by name (sorted): numbers as {@link Number}, booleans, names and text as strings
 */
public record ComponentSpec(String name, Map<String, Object> params) {
  public ComponentSpec {
    params = Collections.unmodifiableMap(new TreeMap<>(params));
  }

  public static ComponentSpec of(String name) {
    return new ComponentSpec(name, Map.of());
  }

  public double number(String param) {
    return ((Number) get(param)).doubleValue();
  }

  public int integer(String param) {
    return ((Number) get(param)).intValue();
  }

  public boolean bool(String param) {
    return (Boolean) get(param);
  }

  public String text(String param) {
    return String.valueOf(get(param));
  }

  private Object get(String param) {
    Object value = params.get(param);
    if (value == null) {
      throw new IllegalArgumentException(name + " has no parameter '" + param + "' (it has " + params.keySet() + ")");
    }
    return value;
  }
}
