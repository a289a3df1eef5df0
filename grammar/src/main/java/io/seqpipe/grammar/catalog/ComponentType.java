package io.seqpipe.grammar.catalog;

import java.util.List;
import java.util.Optional;

/**
 * A component a pipeline can name: its family, its name, what it is, and its parameters in the order
 * unnamed call arguments fill them ({@code glove("vectors.txt")} sets {@code file}).
 *
 * <pre>{@code
 * ComponentType adam = Catalog.get(Family.OPTIMIZER, "adam").orElseThrow();
 * adam.param("lr").orElseThrow().defaultValue();   // 0.001
 * }</pre>
 *
 * @param positional how many leading parameters may be given without their names
 */
public record ComponentType(Family family, String name, String summary, int positional, List<Param> params) {
  public ComponentType {
    params = List.copyOf(params);
  }

  public Optional<Param> param(String name) {
    return params.stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** The names of the parameters that may be given unnamed. */
  public String[] positionalNames() {
    return params.subList(0, positional).stream().map(Param::name).toArray(String[]::new);
  }
}
