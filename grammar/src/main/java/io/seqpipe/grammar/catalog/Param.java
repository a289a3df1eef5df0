package io.seqpipe.grammar.catalog;

import java.util.Objects;

/**
 * One parameter of a component: its name, type, default and allowed range. A null default means the
 * parameter is required, unless the binder derives it from other entries (a decoder's width from the
 * encoder's).
 *
 * <pre>{@code
 * Param lr = Param.number("lr", 1e-3, 1e-12, 10);
 * Param frozen = Param.bool("frozen", false);
 * }</pre>
 *
 * @param choices for {@link Type#NAME}: the family whose names are allowed
 * @param optional whether the parameter may be left out without a default
 */
public record Param(String name, Type type, Object defaultValue, double min, double max, Family choices,
    boolean optional) {
  /** What values a parameter takes. */
  public enum Type { INTEGER, NUMBER, BOOL, NAME, TEXT }

  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  public static Param integer(String name, Integer defaultValue, long min, long max) {
    return new Param(name, Type.INTEGER, defaultValue, min, max, null, false);
  }

  public static Param number(String name, double defaultValue, double min, double max) {
    return new Param(name, Type.NUMBER, defaultValue, min, max, null, false);
  }

  public static Param bool(String name, boolean defaultValue) {
    return new Param(name, Type.BOOL, defaultValue, 0, 0, null, false);
  }

  /** A name out of another family's, e.g. a decoder's attention. */
  public static Param name(String name, String defaultValue, Family choices) {
    return new Param(name, Type.NAME, defaultValue, 0, 0, choices, false);
  }

  /** Text that may be left out, one of alternatives the binder checks ({@code file} or {@code dataset}). */
  public static Param optionalText(String name) {
    return new Param(name, Type.TEXT, null, 0, 0, null, true);
  }

  /** Text, e.g. a file path; required when {@code defaultValue} is null. */
  public static Param text(String name, String defaultValue) {
    return new Param(name, Type.TEXT, defaultValue, 0, 0, null, false);
  }
}
