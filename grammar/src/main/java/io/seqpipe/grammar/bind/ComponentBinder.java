package io.seqpipe.grammar.bind;

import io.seqpipe.grammar.bind.Section.Component;
import io.seqpipe.grammar.catalog.Catalog;
import io.seqpipe.grammar.catalog.ComponentType;
import io.seqpipe.grammar.catalog.Family;
import io.seqpipe.grammar.catalog.Param;
import io.seqpipe.grammar.spec.ComponentSpec;
import io.seqpipe.grammar.tree.Node;
import io.seqpipe.grammar.tree.Position;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a component entry ({@code adam}, {@code adam(lr: 1e-3)} or {@code {type: adam, lr: 1e-3}})
 * against its {@link Catalog} type: the name out of the family's, each parameter checked for its type
 * and range, defaults filled, unknown parameters reported with the known ones.
 */
final class ComponentBinder {
  private ComponentBinder() {}

  /**
   * The component under {@code key}, or null when its name is unknown (the problem is recorded).
   *
   * @param derived defaults that depend on other entries, by parameter name (they replace the catalog's)
   */
  static Bound bind(Section parent, String key, Family family, String fallback, Map<String, Object> derived) {
    Component component = parent.component(key, fallback, Catalog.names(family), positional(family));
    if (component.type() == null) {
      return null;
    }
    ComponentType type = Catalog.get(family, component.lowerType()).orElseThrow();
    Section arguments = component.arguments();
    Map<String, Object> values = new LinkedHashMap<>();
    for (Param param : type.params()) {
      Object fallbackValue = derived.getOrDefault(param.name(), param.defaultValue());
      Object value = value(arguments, param, fallbackValue);
      if (value == null && !arguments.has(param.name()) && !param.optional()) {
        arguments.missing(param.name(), type.name() + " needs its " + param.name() + (type.positional() > 0
            ? ", e.g. " + type.name() + "(\"...\")" : ""));
      } else if (value != null) {
        values.put(param.name(), value);
      }
    }
    arguments.finish();
    return new Bound(new ComponentSpec(type.name(), values), arguments);
  }

  /** A bound component, and where each of its parameters was written (for checks against other entries). */
  record Bound(ComponentSpec spec, Section arguments) {
    /** Where {@code param} was written, or the component's position when it took its default. */
    Position at(String param) {
      return arguments.positionOf(param);
    }
  }

  /** The positional parameter names of whatever type the entry names (all types of a family share them). */
  private static String[] positional(Family family) {
    return Catalog.types(family).stream().filter(t -> t.positional() > 0).findFirst()
        .map(ComponentType::positionalNames).orElse(new String[0]);
  }

  private static Object value(Section arguments, Param param, Object fallback) {
    return switch (param.type()) {
      case INTEGER -> {
        Node node = arguments.take(param.name());
        if (node == null) {
          yield fallback;
        }
        long number = arguments.integer(node, param.name(), Long.MIN_VALUE, (long) param.min(), (long) param.max());
        yield number == Long.MIN_VALUE ? fallback : (Object) (int) number;
      }
      case NUMBER -> {
        double number = arguments.number(param.name(), Double.NaN, param.min(), param.max());
        yield Double.isNaN(number) ? fallback : (Object) number;
      }
      case BOOL -> arguments.has(param.name()) ? (Object) arguments.bool(param.name(), (Boolean) fallback) : fallback;
      case NAME -> arguments.name(param.name(), (String) fallback, Catalog.names(param.choices()));
      case TEXT -> arguments.text(param.name(), (String) fallback);
    };
  }
}
