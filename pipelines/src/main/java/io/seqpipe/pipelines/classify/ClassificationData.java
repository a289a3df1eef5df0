package io.seqpipe.pipelines.classify;

import io.seqpipe.grammar.LoadedPipeline;
import io.seqpipe.grammar.spec.ClassifySpec;
import io.seqpipe.grammar.spec.DataSpec;
import io.seqpipe.nlp.InputFormatException;
import io.seqpipe.nlp.Quote;
import io.seqpipe.nlp.data.ClassificationExample;
import io.seqpipe.nlp.data.ClassificationReader;
import io.seqpipe.nlp.data.Shuffling;
import io.seqpipe.pipelines.datasets.DatasetCache;
import io.seqpipe.pipelines.datasets.DatasetRecipes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The train, dev and test examples of a classify pipeline: read from the spec's files or its dataset
 * recipe's (fetched into the cache on first use), the test set carved out of train (seeded) when there is
 * no test file and the spec gives a test split. Training examples with fewer than two labels are refused,
 * naming the file.
 *
 * @param files the files read, by role, for the report's data hashes
 */
public record ClassificationData(List<ClassificationExample> train, List<ClassificationExample> dev,
    List<ClassificationExample> test, Map<String, Path> files) {

  public static ClassificationData load(LoadedPipeline pipeline, ClassifySpec spec) throws IOException {
    DataSpec data = spec.data();
    Map<String, Path> given = new TreeMap<>();
    if (spec.fields().dataset() != null) {
      given.putAll(DatasetCache.standard().files(DatasetRecipes.get(spec.fields().dataset())));
    }
    // files named in the pipeline take precedence over the dataset's
    for (String[] role : new String[][] {{"train", data.train()}, {"dev", data.dev()}, {"test", data.test()}}) {
      if (role[1] != null) {
        given.put(role[0], pipeline.resolve(role[1]));
      }
    }
    Map<String, Path> files = new TreeMap<>();
    List<ClassificationExample> train = read(spec.fields(), given.get("train"), "train", files);
    List<ClassificationExample> dev = read(spec.fields(), given.get("dev"), "dev", files);
    List<ClassificationExample> test = List.of();
    if (given.containsKey("test")) {
      test = read(spec.fields(), given.get("test"), "test", files);
    } else if (data.testSplit() > 0) {
      List<ClassificationExample> shuffled = Shuffling.shuffled(train, data.splitSeed(spec.train().seed()));
      int held = (int) Math.round(shuffled.size() * data.testSplit());
      test = List.copyOf(shuffled.subList(0, held));
      train = List.copyOf(shuffled.subList(held, shuffled.size()));
    }
    requireTwoLabels(train, files.get("train"));
    return new ClassificationData(train, dev, test, files);
  }

  /** A classifier needs two labels or more to learn anything; a test split may have taken the others away. */
  private static void requireTwoLabels(List<ClassificationExample> train, Path file) {
    Set<String> labels = new TreeSet<>();
    for (ClassificationExample example : train) {
      labels.add(example.label());
      if (labels.size() > 1) {
        return;
      }
    }
    throw new InputFormatException(file, "expected at least two labels, found only " + Quote.quoted(labels.iterator().next())
        + " in " + train.size() + " training examples");
  }

  private static List<ClassificationExample> read(ClassifySpec.Fields fields, Path file, String role,
      Map<String, Path> files) throws IOException {
    files.put(role, file);
    List<ClassificationExample> examples = ClassificationReader.forFile(file, fields.text(), fields.label()).read(file);
    if (examples.isEmpty()) {
      throw new InputFormatException(file, "expected examples, found none");
    }
    return examples;
  }
}
