package io.seqpipe.pipelines.datasets;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dataset recipes Seqpipe knows, by name.
 *
 * <pre>{@code
 * DatasetRecipe recipe = DatasetRecipes.get("uci-sentiment");
 * DatasetRecipes.names(DatasetRecipe.Kind.VECTORS);   // [glove-6b-100d]
 * }</pre>
 */
public final class DatasetRecipes {
  private static final List<DatasetRecipe> ALL = List.of(new UciSentimentRecipe(), new GloveVectorsRecipe());

  private DatasetRecipes() {}

  public static List<DatasetRecipe> all() {
    return ALL;
  }

  public static Set<String> names() {
    Set<String> names = new TreeSet<>();
    ALL.forEach(recipe -> names.add(recipe.name()));
    return names;
  }

  /** The names of the recipes of one kind. */
  public static Set<String> names(DatasetRecipe.Kind kind) {
    Set<String> names = new TreeSet<>();
    ALL.stream().filter(recipe -> recipe.kind() == kind).forEach(recipe -> names.add(recipe.name()));
    return names;
  }

  /**
   * @throws IllegalArgumentException listing the known recipes
   */
  public static DatasetRecipe get(String name) {
    return ALL.stream().filter(recipe -> recipe.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown dataset '" + name + "'; known: " + names()));
  }
}
